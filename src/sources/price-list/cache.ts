/**
 * The user's price cache: what `cwdash pricing refresh` downloaded, one file per region under
 * `<cache dir>/pricing/<region>.json`. The cache dir is `--cache-dir`, else `CWDASH_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/cwdash`, else `~/.cache/cwdash`. A refresh writes every region's file in one all-or-nothing step,
 * so a failed refresh leaves the previous cache as it was.
 */
import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { InputError, errnoCode } from '../../shared/errors.js';
import { fileExists, readError, readTextFile, writeFilesAtomically } from '../../shared/files.js';
import { stableStringify } from '../../shared/json.js';
import { parseJsonDocument } from '../../shared/json-document.js';
import { validatePriceListItem, type PriceListItem } from './price-list-item.js';

export interface CacheDirOptions {
  /** `--cache-dir`, resolved against `cwd`. */
  readonly cacheDir?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

export function resolveCacheDir(options: CacheDirOptions): string {
  const cwd = options.cwd ?? '.';
  if (options.cacheDir) return resolve(cwd, options.cacheDir);
  if (options.env.CWDASH_CACHE_DIR) return resolve(cwd, options.env.CWDASH_CACHE_DIR);
  if (options.env.XDG_CACHE_HOME) return join(resolve(cwd, options.env.XDG_CACHE_HOME), 'cwdash');
  return join(options.env.HOME ?? homedir(), '.cache', 'cwdash');
}

const cacheFileSchema = z.object({
  schemaVersion: z.literal(1),
  region: z.string().min(1),
  fetchedAt: z.string().min(1),
  /** Where the prices came from: the Pricing API endpoint that answered. */
  endpoint: z.string().min(1),
  items: z.array(z.unknown()),
});

export interface CachedRegion {
  readonly file: string;
  readonly region: string;
  /** ISO timestamp of the refresh. */
  readonly fetchedAt: string;
  readonly endpoint: string;
  /** The products of the region, plus the account-global ones (dashboards), trimmed. */
  readonly items: readonly PriceListItem[];
}

export function cacheFileOf(cacheDir: string, region: string): string {
  return join(cacheDir, 'pricing', `${region}.json`);
}

/** The cached prices of `region`, or undefined when it was never refreshed. */
export async function readCachedRegion(cacheDir: string, region: string): Promise<CachedRegion | undefined> {
  const file = cacheFileOf(cacheDir, region);
  if (!(await fileExists(file))) return undefined;
  const text = await readTextFile(file, 'price cache file');
  const fix = `delete it, or run \`cwdash pricing refresh --region ${region}\` to rewrite it`;
  const parsed = parseJsonDocument(text, cacheFileSchema, { file, what: 'price cache', fix });
  if (parsed.region !== region) {
    throw new InputError(`price cache holds region ${parsed.region}, not ${region}`, { location: { file }, fix });
  }
  return {
    file,
    region,
    fetchedAt: parsed.fetchedAt,
    endpoint: parsed.endpoint,
    items: parsed.items.map((item, index) => validatePriceListItem(item, { file, path: `items/${index}` })),
  };
}

/** The regions that have a cache file, sorted. */
export async function cachedRegionNames(cacheDir: string): Promise<string[]> {
  const dir = join(cacheDir, 'pricing');
  try {
    const names = await readdir(dir);
    return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => name.slice(0, -5)).sort();
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw readError(dir, 'price cache directory', error);
  }
}

export type NewCacheEntry = Omit<CachedRegion, 'file'>;

/** Writes every region's file, all or none; existing files are replaced (the cache is cwdash's own). */
export async function writeCache(cacheDir: string, entries: readonly NewCacheEntry[]): Promise<string[]> {
  const files = entries.map((entry) => ({
    path: cacheFileOf(cacheDir, entry.region),
    content: stableStringify({ schemaVersion: 1, ...entry }),
  }));
  await writeFilesAtomically(files, { overwrite: true });
  return files.map((file) => file.path);
}
