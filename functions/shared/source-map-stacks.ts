/**
 * Stack traces in the project's own files and lines, paid for only when a stack is written.
 *
 * `NODE_OPTIONS=--enable-source-maps` reads and indexes the bundle's source map while the bundle
 * loads: 11–30 ms of every cold start on Node 20 here (`npm run bench -- bundles`), for stacks most
 * invocations never print. V8 formats `error.stack` lazily, through `Error.prepareStackTrace`,
 * the first time something reads it (the logger, when it logs an error), so this hook reads the
 * map at that moment, once per process, and rewrites the bundle's frames to the files and lines
 * they came from (`at handleRecord (shared/digest/worker.ts:120:11)`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Mapping {
  originalSource?: string;
  originalLine?: number;
  originalColumn?: number;
}

/** `../../shared/x.ts` (the map's sources are relative to the output folder) → `shared/x.ts`. */
function projectPath(source: string): string {
  const path = source.startsWith('file://') ? fileURLToPath(source) : source;
  return path.replace(/^(?:\.\.\/)+/, '').replace(/^.*?\/(?=(?:shared|functions|node_modules)\/)/, '');
}

/** The first line of a stack, as V8 writes it: `Name: message`, or what the thrown value's `String` gives. */
function headOf(error: unknown): string {
  try {
    return error instanceof Error ? Error.prototype.toString.call(error) : String(error);
  } catch {
    return '<error>';
  }
}

/**
 * Installs the hook when `bundleUrl` (the bundle's `import.meta.url`) has a source map beside it;
 * in an unbundled run (tests, `tsx`) there is none and stacks stay as they are. Returns whether it
 * was installed.
 */
export function installLazySourceMaps(bundleUrl: string): boolean {
  if (!bundleUrl.startsWith('file:')) return false;
  const mapFile = `${fileURLToPath(bundleUrl)}.map`;
  // Node's own default hook is replaced: it maps nothing without --enable-source-maps.
  if (!existsSync(mapFile)) return false;
  let map: SourceMap | null | undefined;
  const mapOf = (): SourceMap | null => {
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
      } catch {
        // An unreadable map leaves stacks minified rather than failing the error's logging.
        map = null;
      }
    }
    return map;
  };
  const frameOf = (site: NodeJS.CallSite): string => {
    // V8's CallSite prints the frame as V8 would (`fn (file:line:column)`, `async`, `new`); its
    // declared type leaves that toString out.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    const text = site.toString();
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    if (site.getFileName() !== bundleUrl || line === null || column === null) return text;
    const entry: Mapping | undefined = mapOf()?.findEntry(line - 1, column - 1);
    if (entry?.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return text;
    const location = `${projectPath(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    return text.replace(`${bundleUrl}:${line}:${column}`, location);
  };
  Error.prepareStackTrace = (error: unknown, sites: NodeJS.CallSite[]): string =>
    [headOf(error), ...sites.map((site) => `    at ${frameOf(site)}`)].join('\n');
  return true;
}
