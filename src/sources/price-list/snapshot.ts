/**
 * The price snapshot shipped inside cwdash (`snapshot.json`), so pricing works offline and without credentials.
 * Every item names its sources (ids into `sources`, each with a URL and date) and a confidence; the file is data, not
 * code, so updating a price is a reviewed edit of one JSON file (see README "Prices").
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError } from '../../shared/errors.js';
import { parseJsonDocument } from '../../shared/json-document.js';
import { validatePriceListItem, type PriceListItem } from './price-list-item.js';

export const SNAPSHOT_FILE = fileURLToPath(new URL('./snapshot.json', import.meta.url));

const confidenceSchema = z.enum(['aws', 'observed', 'third-party']);
export type SnapshotConfidence = z.infer<typeof confidenceSchema>;

const snapshotSchema = z.object({
  schemaVersion: z.literal(1),
  snapshotDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sources: z.record(
    z.string(),
    z.object({ title: z.string().min(1), url: z.string().min(1), date: z.string().min(1), confidence: confidenceSchema }),
  ),
  items: z.array(
    z.object({
      sources: z.array(z.string()).min(1),
      date: z.string().min(1),
      confidence: confidenceSchema,
      item: z.unknown(),
    }),
  ),
});

export interface SnapshotSource {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly date: string;
  readonly confidence: SnapshotConfidence;
}

export interface SnapshotItem {
  readonly item: PriceListItem;
  readonly sources: readonly SnapshotSource[];
  /** The date of the newest source the price was read from. */
  readonly date: string;
  readonly confidence: SnapshotConfidence;
}

export interface PriceSnapshot {
  readonly snapshotDate: string;
  readonly items: readonly SnapshotItem[];
}

let loaded: Promise<PriceSnapshot> | undefined;

/** The embedded snapshot, read and validated once per process. */
export function loadSnapshot(): Promise<PriceSnapshot> {
  loaded ??= readFile(SNAPSHOT_FILE, 'utf8').then((text) => parseSnapshot(text, SNAPSHOT_FILE));
  return loaded;
}

function parseSnapshot(text: string, file: string): PriceSnapshot {
  const { sources, items, snapshotDate } = parseJsonDocument(text, snapshotSchema, {
    file,
    what: 'price snapshot',
    fix: 'restore snapshot.json from git; it is edited by hand only following the README',
  });
  return {
    snapshotDate,
    items: items.map((entry, index) => {
      const path = `items/${index}`;
      return {
        item: validatePriceListItem(entry.item, { file, path: `${path}/item` }),
        sources: entry.sources.map((id) => {
          const source = sources[id];
          if (!source) {
            throw new InputError(`price source "${id}" is not listed under "sources"`, {
              location: { file, path },
              fix: 'add the source with its title, URL and date, or cite a listed one',
            });
          }
          return { id, ...source };
        }),
        date: entry.date,
        confidence: entry.confidence,
      };
    }),
  };
}
