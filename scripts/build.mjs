#!/usr/bin/env node
// Compiles src/ to dist/ (JavaScript, declarations, source maps) for the package, the bin and the CLI tests, and
// copies the data files src/ reads at run time (the price snapshot). `--if-stale` builds only when a source is
// newer than the last build: the test run calls it that way, so the tests never run a dist/ older than src/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');
const inputs = [join(root, 'src'), join(root, 'package.json'), join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json')];

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.flatMap(files).some((file) => statSync(file).mtimeMs > built);
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

rmSync(dist, { recursive: true, force: true });
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
for (const file of files(join(root, 'src')).filter((path) => !path.endsWith('.ts'))) {
  cpSync(file, join(dist, relative(join(root, 'src'), file)));
}
await inlineCliParser();
writeFileSync(stamp, `${new Date().toISOString()}\n`);

/**
 * Fast start: yargs is some 70 small modules, most of `cwdash --help`'s load time. The CLI entry is rebuilt with yargs
 * inlined; cwdash's own modules stay separate files (imported as before, so there is one copy of each).
 */
async function inlineCliParser() {
  const { build } = await import('esbuild');
  const entry = join(dist, 'cli/main.js');
  await build({
    entryPoints: [entry],
    outfile: entry,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'own-modules-external',
        setup: (b) => b.onResolve({ filter: /^\./ }, (args) => (args.importer.includes('node_modules') ? undefined : { path: args.path, external: true })),
      },
    ],
  });
}
