/**
 * Loads users' TypeScript (dashboard definitions, `cwdash.config.ts`) with esbuild: every file of a run goes into
 * one ES module bundle, written to a temporary file and imported once. One transform pass for any number of files
 * (a per-file loader pays a fixed cost per file, and evaluates shared helpers once per file), and each definition
 * is still evaluated on its own: the bundle wraps each in a lazy initialiser, so a file that throws fails alone.
 *
 * Packages the files import are not bundled: each is resolved from the importing file's folder and imported by Node
 * from where it is installed. `cwdash` and `cwdash/api` resolve to the cwdash that is running whenever the file's
 * folder cannot resolve them (a definition outside any project, `npx cwdash`), or resolves them to this same
 * package, so the definitions and cwdash share one copy of the model.
 *
 * A file that does not compile or throws while loading becomes an InputError naming the file and the line.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Message, OnResolveArgs, OnResolveResult, Plugin, PluginBuild } from 'esbuild';
import { CwdashError, InputError } from './errors.js';
import { fileExists } from './files.js';
import { registerSourceMap, stackPositions } from './stack-frames.js';

/** The module outcome of one file: its exports, or why it failed. */
export type ModuleOutcome = { readonly ok: true; readonly module: Record<string, unknown> } | { readonly ok: false; readonly error: InputError };

/** `.ts` when cwdash runs from its sources (tests, benches), `.js` when it runs compiled (the package). */
const OWN_EXTENSION = extname(fileURLToPath(import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNING_ENTRIES: Readonly<Record<string, string>> = {
  cwdash: fileURLToPath(new URL(`../index${OWN_EXTENSION}`, import.meta.url)),
  'cwdash/api': fileURLToPath(new URL(`../api${OWN_EXTENSION}`, import.meta.url)),
};
/** Marks the plugin's own `build.resolve` calls, which must take esbuild's default resolution. */
const DEFAULT_RESOLUTION = Symbol('default resolution');

/** Loads one file; a failure is thrown as an InputError. */
export async function importTypeScriptModule(file: string): Promise<Record<string, unknown>> {
  const [outcome] = await importTypeScriptModules([file]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.module;
}

/**
 * Loads every file through one bundle, in order. A file that does not compile fails the whole call (the bundle
 * cannot be built), as an InputError at the compiler's file and line; a file that throws is that file's outcome.
 */
export async function importTypeScriptModules(files: readonly string[]): Promise<ModuleOutcome[]> {
  const absolute = files.map((file) => resolve(file));
  for (const [index, file] of absolute.entries()) {
    if (!(await fileExists(file))) throw new InputError('file not found', { location: { file: files[index]! }, fix: 'check the path' });
  }
  // (vitest.config.ts leaves files of this name to Node, as they are for users.)
  const dir = await mkdtemp(join(tmpdir(), 'cwdash-load-'));
  try {
    const bundle = join(dir, 'definitions.mjs');
    await bundleModules(absolute, files, bundle);
    // Stack positions in the bundle (a throw, a widget's call site) are mapped back to the user's lines through it.
    registerSourceMap(bundle, await readFile(`${bundle}.map`, 'utf8'));
    const { loaders } = (await import(pathToFileURL(bundle).href)) as { loaders: (() => Promise<Record<string, unknown>>)[] };
    const outcomes: ModuleOutcome[] = [];
    for (const [index, load] of loaders.entries()) {
      try {
        outcomes.push({ ok: true, module: await load() });
      } catch (error) {
        outcomes.push({ ok: false, error: loadError(error, files[index]!, absolute[index]!) });
      }
    }
    return outcomes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The file's default export. A CommonJS-compiled module's `export default` arrives wrapped as
 * `{ __esModule, default }`; unwrapping here gives every caller the value the user wrote.
 */
export async function importDefaultExport(file: string): Promise<unknown> {
  return defaultExportOf(await importTypeScriptModule(file));
}

/** The default export of an already-imported module, unwrapped the same way. */
export function defaultExportOf(module: Record<string, unknown>): unknown {
  const value = module.default;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && '__esModule' in value && 'default' in value) {
    return (value as { default: unknown }).default;
  }
  return value;
}

/** Writes the bundle to `outfile` and its source map beside it (esbuild writes them: nothing crosses its pipe). */
async function bundleModules(absolute: readonly string[], given: readonly string[], outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  const entry = `export const loaders = [\n${absolute.map((file) => `  () => import(${JSON.stringify(file)}),`).join('\n')}\n];\n`;
  try {
    await startingEsbuildWithFewerCollections(() =>
      build({
        stdin: { contents: entry, resolveDir: PACKAGE_ROOT, sourcefile: 'cwdash-definitions.js', loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        outfile,
        // A separate map without the sources' text: an inline one doubles what Node has to read and compile.
        sourcemap: 'external',
        sourcesContent: false,
        logLevel: 'silent',
        // Packages are handed to Node as the files esbuild resolves them to, so resolve them as Node would: without
        // esbuild's default `module` condition and main field (an ESM build Node cannot load, e.g. @opentelemetry/api's).
        conditions: ['node'],
        mainFields: ['main'],
        plugins: [packagesFromWhereTheyAre()],
      }),
    );
  } catch (error) {
    throw compileError(error, absolute, given);
  }
}

/**
 * esbuild's service, a Go process that the first build of a process starts and later builds reuse, keeps every file's
 * syntax tree until the bundle is linked, so Go's collector (by default at each doubling of the heap) frees little
 * and costs some 40% of its CPU on a large bundle (1,000 definition files: 2.3–2.7 s of CPU, against 1.4–1.9 s). The
 * service is started to collect at 11 times what the last collection kept (GOGC=1000): once or twice in such a build,
 * for about the peak memory of no collection at all (530 MiB, against 480 MiB), and still bounded by what the builds
 * keep in a long-lived process. Turning it off (GOGC=off, as esbuild's own CLI does for a one-off build) is no faster
 * and needs a memory limit there, which a project larger than the limit pays for many times over (with the live heap
 * above GOMEMLIMIT, the build took more than twice its default CPU). A GOGC of the user's is left as it is. The service
 * reads it when it is spawned, synchronously in the first `build` call, so it is set only around that call.
 */
function startingEsbuildWithFewerCollections<T>(start: () => T): T {
  if (process.env.GOGC !== undefined) return start();
  process.env.GOGC = '1000';
  try {
    return start();
  } finally {
    delete process.env.GOGC;
  }
}

/**
 * Bare imports: cwdash → the running cwdash (see the module comment); any other package → external, as installed.
 * One plugin per bundle, resolving each (folder, specifier) once: the files of a project share their imports.
 */
function packagesFromWhereTheyAre(): Plugin {
  const resolved = new Map<string, Promise<OnResolveResult>>();
  return {
    name: 'cwdash-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args: OnResolveArgs): Promise<OnResolveResult> | undefined => {
        if (args.pluginData === DEFAULT_RESOLUTION || isBuiltin(args.path)) return undefined;
        const key = `${args.resolveDir}\0${args.path}`;
        let result = resolved.get(key);
        if (result === undefined) {
          result = resolvePackage(args, (path, options) => build.resolve(path, options));
          resolved.set(key, result);
        }
        return result;
      });
    },
  };
}

async function resolvePackage(args: OnResolveArgs, resolveDefault: PluginBuild['resolve']): Promise<OnResolveResult> {
  const found = await resolveDefault(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: DEFAULT_RESOLUTION });
  const running = RUNNING_ENTRIES[args.path];
  if (running !== undefined && (found.errors.length > 0 || isInside(found.path, PACKAGE_ROOT))) {
    // Compiled cwdash is imported by Node as the running modules themselves; from sources it is bundled in.
    return OWN_EXTENSION === '.js' ? { path: pathToFileURL(running).href, external: true } : { path: running };
  }
  if (found.errors.length > 0) return { errors: [{ text: `imports package "${packageName(args.path)}", which is not installed where this file is`, detail: MISSING_PACKAGE }] };
  return { path: pathToFileURL(found.path).href, external: true };
}

const MISSING_PACKAGE = 'missing package';

function isInside(file: string, dir: string): boolean {
  const path = relative(dir, file);
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !path.startsWith(`node_modules${sep}`);
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** esbuild's first error, at the file and line it names (a file of the run keeps the name it was given as). */
function compileError(error: unknown, absolute: readonly string[], given: readonly string[]): InputError {
  const message = (error as { errors?: Message[] }).errors?.[0];
  if (message === undefined) return new InputError(`cannot be loaded: ${firstLine(error)}`, { location: { file: given[0]! }, cause: error });
  const where = message.location;
  const file = where ? resolve(PACKAGE_ROOT, where.file) : undefined;
  const index = file === undefined ? -1 : absolute.indexOf(file);
  const location = { file: index >= 0 ? given[index]! : (file ?? given[0]!), ...(where ? { line: where.line } : {}) };
  if (message.detail === MISSING_PACKAGE) {
    const name = /"([^"]+)"/.exec(message.text)![1]!;
    return new InputError(message.text, { location, fix: `install it in the project that holds the file (npm install --save-dev ${name})`, cause: error });
  }
  return new InputError(`does not compile: ${message.text}`, {
    location,
    fix: 'fix the syntax error at that line (`npx tsc --noEmit` shows every type error too)',
    cause: error,
  });
}

/** A throw while the file ran: the model's own errors (from any copy of cwdash) keep their fix; others name the line. */
function loadError(error: unknown, file: string, absolute: string): InputError {
  if (error instanceof CwdashError || (error instanceof Error && typeof (error as Partial<CwdashError>).fix === 'string')) {
    const { location, fix } = error as CwdashError;
    return new InputError(error.message, { location: location?.file ? location : { file }, fix, cause: error });
  }
  return new InputError(`threw while loading: ${firstLine(error)}`, {
    location: { file, line: lineInFile(error, absolute) },
    fix: 'the code at that line failed when it ran; fix it (add --debug for the stack trace)',
    cause: error,
  });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}

/** The first line of this file that the stack names, if any. */
function lineInFile(error: unknown, absolute: string): number | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  return stackPositions(stack).find((position) => position.file === absolute)?.line;
}
