#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx netmix …` works right after `npm install`.
import { register } from 'tsx/esm/api';

// Node 20 is supported here (Lambdas run 22); the SDK's reminder about future releases is noise on every command.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
