import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export const config = tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.netmix/', 'coverage/', 'test/fixtures/', 'sample/feeds/', '.scratch-*'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // `import { z } from 'zod'` binds zod's whole namespace, and esbuild then bundles every locale
      // (0.26 MB a Lambda); `import * as z` lets it keep only what is used.
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type'], ImportDeclaration[source.value='zod'][importKind!='type'] > ImportDefaultSpecifier",
        message: "Use `import * as z from 'zod'` (keeps zod's locales out of the bundles).",
      }],
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          { name: 'undici', allowTypeImports: true, message: 'Import from shared/fetch/undici-slim (undici\'s main entry adds 0.24 MB to a bundle).' },
          { name: 'zipcodes', message: 'Use shared/gazetteer (the 4.65 MB table would be bundled and parsed at every cold start).' },
        ],
      }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
    },
  },
  {
    // Build-time scripts, benchmarks and tests may use the full packages: nothing here is bundled.
    files: ['scripts/**', 'bench/**', 'test/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);

// eslint's flat-config loader reads the default export; this is the one default export in the repo.
// eslint-disable-next-line no-restricted-exports
export default config;
