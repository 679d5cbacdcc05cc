/**
 * A scrape as the Prometheus scrape loop stores it (docs/sources.md#exposition): label sets sorted with empty values
 * dropped, duplicate label names rejected, one series per distinct name + label set (first sample wins), and the
 * family metadata (TYPE/HELP/UNIT) the prometheus receiver uses to fold histograms and summaries.
 */
import { InputError } from '../../shared/errors.js';
import { DEFAULT_MAX_SERIES } from '../../shared/input-limits.js';
import { parseExposition, type ExpositionFormat } from './read.js';
import type { MetricType } from './parser-base.js';

export interface FamilyMetadata {
  readonly type?: MetricType;
  readonly help?: string;
  readonly unit?: string;
}

/**
 * Called once per stored series: `parts` is `[name, label1, value1, label2, value2, ...]` (labels sorted, no empty
 * values) and `key` the series' identity string (the parts joined by NUL), shared, not copied.
 */
export type SeriesVisitor = (parts: readonly string[], value: number, key: string) => void;

export interface Scrape {
  /** File name, `-` for stdin, or the URL. */
  readonly source: string;
  readonly format: ExpositionFormat;
  /** Distinct series stored (what the TSDB or the receiver keeps). */
  readonly seriesCount: number;
  readonly metadata: ReadonlyMap<string, FamilyMetadata>;
  /** Sample lines, duplicates included (what `scrape_samples_scraped` reports). */
  readonly samples: number;
  /** Samples dropped because an earlier line had the same series. */
  readonly duplicates: number;
  /** Visits the series in page order. Series are kept as one string each, so a million of them stay small. */
  forEachSeries(visit: SeriesVisitor): void;
  /** The same, for the series of one metric name only (without splitting the others). */
  forEachSeriesNamed(name: string, visit: SeriesVisitor): void;
  /** The series as one `ScrapePart`, to hand the parsed scrape to another thread (`scrapeFromPart` there). */
  toPart?(): ScrapePart;
}

/**
 * The NUL-joined identity key of a series → `[name, label, value, ...]`. A label value may itself hold NUL (the
 * Prometheus text grammar allows any character in quotes, and Prometheus keeps it), so values holding NUL or U+0001
 * are stored escaped (`escapeValue`) and unescaped here: a NUL in a value never splits it into two labels.
 */
export function seriesParts(key: string): string[] {
  const parts = key.split('\u0000');
  if (key.includes('\u0001')) for (let index = 2; index < parts.length; index += 2) parts[index] = unescapeValue(parts[index]!);
  return parts;
}

function escapeValue(value: string): string {
  // Nearly no value holds NUL or U+0001: two searches cost less than a regex replace on every value.
  if (!needsEscape(value)) return value;
  return value.replace(/[\u0000\u0001]/g, (char) => (char === '\u0000' ? '\u0001\u0002' : '\u0001\u0001'));
}

function unescapeValue(value: string): string {
  return value.replace(/\u0001([\u0001\u0002])/g, (_, code: string) => (code === '\u0002' ? '\u0000' : '\u0001'));
}

/** A value that must be escaped before it joins a key. */
function needsEscape(value: string): boolean {
  return value.indexOf('\u0000') !== -1 || value.indexOf('\u0001') !== -1;
}

/**
 * `seriesParts(key)`, reusing the strings of `previous` where they are equal at the same place: consecutive series
 * share their name, label names and most values, and a reused string is hashed already wherever it is looked up.
 */
function partsLike(key: string, previous: readonly string[]): string[] {
  if (key.includes('\u0001')) return seriesParts(key);
  const parts: string[] = [];
  for (let start = 0; ; ) {
    const end = key.indexOf('\u0000', start);
    const stop = end === -1 ? key.length : end;
    const before = previous[parts.length];
    parts.push(before !== undefined && before.length === stop - start && key.startsWith(before, start) ? before : key.slice(start, stop));
    if (end === -1) return parts;
    start = end + 1;
  }
}

/**
 * `name{label="value",...}` from a series key, for messages and outputs (the example series of a million metrics):
 * read off the key in one pass, without splitting it into parts first.
 */
export function seriesText(key: string): string {
  if (key.includes('\u0001')) return seriesTextOfParts(seriesParts(key));
  const nameEnd = key.indexOf('\u0000');
  if (nameEnd === -1) return key;
  let text = `${key.slice(0, nameEnd)}{`;
  for (let labelStart = nameEnd + 1; ; ) {
    const labelEnd = key.indexOf('\u0000', labelStart);
    const valueEnd = key.indexOf('\u0000', labelEnd + 1);
    text += `${key.slice(labelStart, labelEnd)}=${jsonString(key.slice(labelEnd + 1, valueEnd === -1 ? key.length : valueEnd))}`;
    if (valueEnd === -1) return `${text}}`;
    text += ',';
    labelStart = valueEnd + 1;
  }
}

/** `seriesText` of a key whose values were escaped to join it (they hold NUL or U+0001). */
function seriesTextOfParts(parts: readonly string[]): string {
  if (parts.length === 1) return parts[0]!;
  const labels: string[] = [];
  for (let index = 1; index < parts.length; index += 2) labels.push(`${parts[index]}=${jsonString(parts[index + 1]!)}`);
  return `${parts[0]}{${labels.join(',')}}`;
}

/** What JSON.stringify escapes in a string: quote, backslash, C0 controls and (if lone) surrogates. */
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(text)`, which label values nearly never need: testing for what it would escape is cheaper. */
function jsonString(text: string): string {
  return JSON_ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * Names strictly increasing (so no repeats), no `__name__`, no empty values, nothing to escape: the key is the pairs
 * as written.
 */
function inCanonicalOrder(pairs: readonly string[]): boolean {
  for (let index = 0; index < pairs.length; index += 2) {
    if (pairs[index + 1] === '' || pairs[index] === '__name__' || needsEscape(pairs[index + 1]!)) return false;
    if (index > 0 && !(pairs[index - 2]! < pairs[index]!)) return false;
  }
  return true;
}

/**
 * The series one builder parsed, in a form that crosses to another thread cheaply: the keys as one string with their
 * end offsets, each key's metric name as an index into `names`, the values, and the family metadata as merged.
 */
export interface ScrapePart {
  readonly text: string;
  readonly ends: Int32Array;
  readonly nameIds: Int32Array;
  readonly names: readonly string[];
  readonly values: Float64Array;
  readonly metadata: readonly (readonly [string, FamilyMetadata])[];
  readonly samples: number;
  readonly duplicates: number;
}

/** Builds a Scrape from parser callbacks; `finish()` returns it. */
export class ScrapeBuilder {
  /** Series keys in page order; duplicates are found among the keys of the same name only (small sets, dropped at the end). */
  private readonly keys: string[] = [];
  private readonly byName = new Map<string, Set<string>>();
  private lastName: string | undefined;
  private lastNameKeys = new Set<string>();
  /** Where each name's series are in `keys`, so the series of one name are found without a scan (kept after the parse). */
  private readonly indicesByName = new Map<string, number[]>();
  private lastNameIndices: number[] = [];
  private values = new Float64Array(1024);
  private readonly metadata = new Map<string, FamilyMetadata>();
  private samples = 0;
  private duplicates = 0;

  constructor(
    private readonly source: string,
    private readonly format: ExpositionFormat,
    private readonly maxSeries = DEFAULT_MAX_SERIES,
  ) {}

  readonly visitor = {
    series: (name: string, pairs: readonly string[], value: number, _timestamp: number | undefined, line: number) => {
      this.samples++;
      const key = this.seriesKey(name, pairs, line);
      const named = this.keysNamed(name);
      const size = named.size;
      if (named.add(key).size === size) {
        this.duplicates++;
        return;
      }
      const index = this.keys.length;
      if (index === this.maxSeries) {
        throw new InputError(`the scrape has more than ${this.maxSeries.toLocaleString('en-US')} distinct series (cwdash's --max-series limit)`, {
          location: { file: this.source, line },
          fix: `pass --max-series N to read more (each series holds a few hundred bytes of memory), or scrape a smaller page`,
        });
      }
      this.keys.push(key);
      this.lastNameIndices.push(index);
      if (index === this.values.length) {
        const grown = new Float64Array(index * 2);
        grown.set(this.values);
        this.values = grown;
      }
      this.values[index] = value;
    },
    type: (name: string, type: MetricType) => this.meta(name, { type }),
    help: (name: string, help: string) => this.meta(name, { help }),
    unit: (name: string, unit: string) => this.meta(name, { unit }),
  };

  /** Sorted labels without empty values, joined with the name; a repeated label name is an error, as in Prometheus. */
  private seriesKey(name: string, pairs: readonly string[], line: number): string {
    if (pairs.length === 0) return name;
    if (inCanonicalOrder(pairs)) return `${name}\u0000${pairs.join('\u0000')}`;
    // Insertion sort of the (name, value) pairs in a flat copy: label lists are short, and no tuple is allocated.
    const sorted = [name, ...pairs];
    for (let index = 3; index < sorted.length; index += 2) {
      const label = sorted[index]!;
      const value = sorted[index + 1]!;
      let at = index - 2;
      while (at >= 1 && sorted[at]! > label) {
        sorted[at + 2] = sorted[at]!;
        sorted[at + 3] = sorted[at + 1]!;
        at -= 2;
      }
      sorted[at + 2] = label;
      sorted[at + 3] = value;
    }
    const parts = [name];
    for (let index = 1; index < sorted.length; index += 2) {
      const label = sorted[index]!;
      if (label === '__name__' || label === sorted[index + 2]) {
        throw new InputError(`label name "${label}" is not unique: invalid sample`, {
          location: { file: this.source, line },
          fix: 'each label may appear once per sample (and __name__ not at all inside the braces)',
        });
      }
      if (sorted[index + 1] !== '') parts.push(label, escapeValue(sorted[index + 1]!));
    }
    return parts.join('\u0000');
  }

  /** The keys seen so far with this metric name: a page writes a family's series together, so usually the last. */
  private keysNamed(name: string): Set<string> {
    if (name === this.lastName) return this.lastNameKeys;
    let keys = this.byName.get(name);
    if (!keys) {
      this.byName.set(name, (keys = new Set()));
      this.indicesByName.set(name, []);
    }
    this.lastName = name;
    this.lastNameKeys = keys;
    this.lastNameIndices = this.indicesByName.get(name)!;
    return keys;
  }

  private meta(name: string, update: FamilyMetadata): void {
    this.metadata.set(name, { ...this.metadata.get(name), ...update });
  }

  /** The series parsed so far as a `ScrapePart` (the builder of the page's later lines hands them on this way). */
  exportPart(): ScrapePart {
    const ends = new Int32Array(this.keys.length);
    let end = 0;
    this.keys.forEach((key, index) => (ends[index] = end += key.length));
    const nameIds = new Int32Array(this.keys.length);
    const names = [...this.indicesByName.keys()];
    names.forEach((name, id) => {
      for (const index of this.indicesByName.get(name)!) nameIds[index] = id;
    });
    return {
      text: this.keys.join(''),
      ends,
      nameIds,
      names,
      values: this.values.slice(0, this.keys.length),
      metadata: [...this.metadata],
      samples: this.samples,
      duplicates: this.duplicates,
    };
  }

  /**
   * Appends the series of the page's later lines, parsed by another builder, as if this one had read on: a series
   * already seen here is a duplicate (the first sample wins). False, with nothing appended, when together they hold
   * more than `maxSeries`: the caller then reads the page in one pass, for the error at its exact line.
   */
  absorb(part: ScrapePart): boolean {
    const seenHere = part.names.map((name) => this.byName.get(name));
    let crossDuplicates = 0;
    const keyAt = (index: number) => part.text.slice(index === 0 ? 0 : part.ends[index - 1], part.ends[index]);
    const taken: number[] = [];
    for (let index = 0; index < part.ends.length; index++) {
      // Only a name this builder has seen can repeat one of its series.
      const seen = seenHere[part.nameIds[index]!];
      if (seen !== undefined && seen.has(keyAt(index))) crossDuplicates++;
      else taken.push(index);
    }
    if (this.keys.length + taken.length > this.maxSeries) return false;
    const indices = part.names.map((name) => {
      let list = this.indicesByName.get(name);
      if (!list) this.indicesByName.set(name, (list = []));
      return list;
    });
    const values = new Float64Array(this.keys.length + taken.length);
    values.set(this.values.subarray(0, this.keys.length));
    for (const index of taken) {
      indices[part.nameIds[index]!]!.push(this.keys.length);
      values[this.keys.length] = part.values[index]!;
      this.keys.push(keyAt(index));
    }
    this.values = values;
    for (const [name, update] of part.metadata) this.meta(name, update);
    this.samples += part.samples;
    this.duplicates += part.duplicates + crossDuplicates;
    return true;
  }

  /** The scrape; call once, after the last line (the duplicate-finding sets are let go). */
  finish(): Scrape {
    const keys = this.keys;
    const values = this.values;
    const indicesByName = this.indicesByName;
    this.byName.clear();
    this.lastName = undefined;
    this.lastNameKeys = new Set();
    return {
      source: this.source,
      format: this.format,
      seriesCount: keys.length,
      metadata: this.metadata,
      samples: this.samples,
      duplicates: this.duplicates,
      forEachSeries(visit) {
        let index = 0;
        let previous: readonly string[] = [];
        for (const key of keys) visit((previous = partsLike(key, previous)), values[index++]!, key);
      },
      forEachSeriesNamed(name, visit) {
        for (const index of indicesByName.get(name) ?? []) visit(seriesParts(keys[index]!), values[index]!, keys[index]!);
      },
      toPart: () => this.exportPart(),
    };
  }
}

/** The scrape another thread parsed and handed over with `toPart`: the same series, metadata and counts. */
export function scrapeFromPart(source: string, format: ExpositionFormat, part: ScrapePart): Scrape {
  const builder = new ScrapeBuilder(source, format, Number.POSITIVE_INFINITY);
  builder.absorb(part);
  return builder.finish();
}

export interface ScrapeLimits {
  /** Distinct series to hold at most (default DEFAULT_MAX_SERIES); one more is an InputError at its line. */
  readonly maxSeries?: number | undefined;
}

export async function parseScrape(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  format: ExpositionFormat,
  source: string,
  limits: ScrapeLimits = {},
): Promise<Scrape> {
  const builder = new ScrapeBuilder(source, format, limits.maxSeries);
  await parseExposition(chunks, format, builder.visitor, source);
  return builder.finish();
}
