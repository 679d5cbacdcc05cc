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
writeFileSync(stamp, `${new Date().toISOString()}\n`);
