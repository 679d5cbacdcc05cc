/**
 * How a path is shown to the user, in messages, tables and reports alike: relative to the working directory when it
 * lies inside it (`dashboards/api.ts`, `.` for the directory itself), else absolute, never `../..` chains; always with
 * `/`, so reports, SARIF and baselines read the same on every machine.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

export function displayPath(cwd: string, file: string): string {
  const absolute = resolve(cwd, file);
  const inside = relative(cwd, absolute);
  const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  return toSlashes(outside ? absolute : inside === '' ? '.' : inside);
}

function toSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
