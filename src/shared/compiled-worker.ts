/**
 * A worker thread's script: compiled JavaScript beside the module that starts it (dist/). Run from the TypeScript
 * sources (the tests' in-process runs) it is not there, and the caller does the work on its own thread instead.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `./name` next to `moduleUrl` (the caller's `import.meta.url`), or undefined when it has not been compiled there. */
export function compiledWorker(name: string, moduleUrl: string): URL | undefined {
  const url = new URL(`./${name}`, moduleUrl);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}
