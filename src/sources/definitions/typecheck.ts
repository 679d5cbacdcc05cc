/**
 * `build --typecheck` / `validate` on `.ts`: the TypeScript checker on the definitions, as strict as a user's project
 * would run it. TypeScript 7 is the native compiler and its package offers no stable JavaScript API (only `tsc` and an
 * `unstable/` entry), so this runs its `tsc` binary on a generated tsconfig and reads the `--pretty false` lines
 * (`file(line,col): error TS2561: ...`). Only diagnostics in the definitions themselves are reported.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../../shared/errors.js';

export interface TypeDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** `TS2561`. */
  readonly code: string;
  readonly message: string;
}

/** This cwdash's package root (this file is `src/sources/definitions/` or its compiled `dist/` twin); its types are in `dist/`. */
const PACKAGE_ROOT = resolve(import.meta.dirname, '../../..');

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

export async function typecheckDefinitions(files: readonly string[], cwd: string): Promise<TypeDiagnostic[]> {
  if (files.length === 0) return [];
  const tsc = findTsc(cwd);
  const dir = await mkdtemp(join(tmpdir(), 'cwdash-typecheck-'));
  try {
    const compilerOptions = {
      strict: true,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2023',
      noEmit: true,
      skipLibCheck: true,
      // cwdash ships TypeScript sources that use Node's types: take them from wherever @types/node is installed.
      types: ['node'],
      typeRoots: typeRoots(cwd),
      // `cwdash` is the running cwdash, as when the definitions are loaded, wherever they live.
      paths: { cwdash: [join(PACKAGE_ROOT, 'dist/index.d.ts')], 'cwdash/api': [join(PACKAGE_ROOT, 'dist/api.d.ts')] },
    };
    const absolute = files.map((file) => resolve(cwd, file));
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: absolute }));
    const output = await promisify(execFile)(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd, maxBuffer: 64 * 1024 * 1024 }).then(
      (result) => result.stdout,
      (error: { stdout?: string; code?: unknown }) => {
        if (typeof error.stdout === 'string' && error.stdout !== '') return error.stdout;
        throw error;
      },
    );
    const wanted = new Set(absolute);
    return output
      .split('\n')
      .map((line) => DIAGNOSTIC.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null && wanted.has(resolve(cwd, match[1]!)))
      .map((match) => ({ file: resolve(cwd, match[1]!), line: Number(match[2]), column: Number(match[3]), code: match[4]!, message: match[5]! }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The project's own TypeScript when it has one, else the one installed with cwdash. */
function findTsc(cwd: string): string {
  for (const from of [join(cwd, 'package.json'), import.meta.filename]) {
    try {
      return join(dirname(createRequire(from).resolve('typescript/package.json')), 'bin', 'tsc');
    } catch {
      // not installed there; try the next place
    }
  }
  throw new UsageError('--typecheck needs the typescript package', { fix: 'npm install --save-dev typescript' });
}

function typeRoots(cwd: string): string[] {
  const roots: string[] = [];
  for (const from of [join(cwd, 'package.json'), import.meta.filename]) {
    try {
      roots.push(dirname(dirname(createRequire(from).resolve('@types/node/package.json'))));
    } catch {
      // no @types/node there
    }
  }
  return [...new Set(roots)];
}
