/**
 * A scrape as the Prometheus scrape loop stores it (exposition.md §1, §7): label sets sorted with empty values
 * dropped, duplicate label names rejected, one series per distinct name + label set (first sample wins), and the
 * family metadata (TYPE/HELP/UNIT) the prometheus receiver uses to fold histograms and summaries.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputError } from '../../shared/errors.js';
import { readError } from '../../shared/files.js';
import { parseExposition, type ExpositionFormat } from './read.js';
import type { MetricType } from './parser-base.js';

export interface ScrapeSeries {
  readonly name: string;
  /** Sorted by name, no empty values. */
  readonly labels: readonly (readonly [string, string])[];
  readonly value: number;
  /** Line of the sample in the exposition, for messages. */
  readonly line: number;
}

export interface FamilyMetadata {
  readonly type?: MetricType;
  readonly help?: string;
  readonly unit?: string;
}

export interface Scrape {
  /** File name, `-` for stdin, or the URL. */
  readonly source: string;
  readonly format: ExpositionFormat;
  readonly series: readonly ScrapeSeries[];
  readonly metadata: ReadonlyMap<string, FamilyMetadata>;
  /** Sample lines, duplicates included (what `scrape_samples_scraped` reports). */
  readonly samples: number;
  /** Samples dropped because an earlier line had the same series. */
  readonly duplicates: number;
}

/** Builds a Scrape from parser callbacks; `finish()` returns it. */
export class ScrapeBuilder {
  private readonly series: ScrapeSeries[] = [];
  private readonly seen = new Set<string>();
  private readonly metadata = new Map<string, FamilyMetadata>();
  private samples = 0;
  private duplicates = 0;

  constructor(
    private readonly source: string,
    private readonly format: ExpositionFormat,
  ) {}

  readonly visitor = {
    series: (name: string, pairs: readonly string[], value: number, _timestamp: number | undefined, line: number) => {
      this.samples++;
      const labels: [string, string][] = [];
      const names = new Set<string>(['__name__']);
      for (let index = 0; index < pairs.length; index += 2) {
        const label = pairs[index]!;
        if (names.has(label)) {
          throw new InputError(`label name "${label}" is not unique: invalid sample`, {
            location: { file: this.source, line },
            fix: 'each label may appear once per sample (and __name__ not at all inside the braces)',
          });
        }
        names.add(label);
        if (pairs[index + 1] !== '') labels.push([label, pairs[index + 1]!]);
      }
      if (labels.length > 1) labels.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      let key = name;
      for (const [label, labelValue] of labels) key += `\u0000${label}\u0000${labelValue}`;
      if (this.seen.has(key)) {
        this.duplicates++;
        return;
      }
      this.seen.add(key);
      this.series.push({ name, labels, value, line });
    },
    type: (name: string, type: MetricType) => this.meta(name, { type }),
    help: (name: string, help: string) => this.meta(name, { help }),
    unit: (name: string, unit: string) => this.meta(name, { unit }),
  };

  private meta(name: string, update: FamilyMetadata): void {
    this.metadata.set(name, { ...this.metadata.get(name), ...update });
  }

  finish(): Scrape {
    return { source: this.source, format: this.format, series: this.series, metadata: this.metadata, samples: this.samples, duplicates: this.duplicates };
  }
}

export async function parseScrape(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  format: ExpositionFormat,
  source: string,
): Promise<Scrape> {
  const builder = new ScrapeBuilder(source, format);
  await parseExposition(chunks, format, builder.visitor, source);
  return builder.finish();
}

/** `.om`/`.openmetrics` files are OpenMetrics; everything else is text 0.0.4, as Prometheus defaults to. */
export function formatForFile(file: string): ExpositionFormat {
  return /\.(om|openmetrics)$/i.test(file) ? 'openmetrics' : 'text';
}

/** Reads a scrape file, or stdin when `file` is `-`; `displayName` is the name messages use (default `file`). */
export async function readScrapeFile(file: string, stdin: Readable, format?: ExpositionFormat, displayName = file): Promise<Scrape> {
  if (file === '-') return parseScrape(stdin, format ?? 'text', '<stdin>');
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
  } catch (error) {
    throw readError(displayName, 'scrape file', error);
  }
  return parseScrape(createReadStream(file, { highWaterMark: 1 << 20 }), format ?? formatForFile(file), displayName);
}
