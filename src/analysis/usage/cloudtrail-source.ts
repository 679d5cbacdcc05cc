/**
 * `--cloudtrail DIR|FILE` (repeatable): CloudTrail log files as delivered to S3 (`*.json.gz` or `*.json`, any folder
 * depth: `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/`), `aws cloudtrail lookup-events` output and CloudTrail
 * Lake query results. Files are read one at a time and only the distinct reads are kept, so a month of logs is never
 * in memory at once. A delivered log file is small (a few MB): it is parsed whole, which is about ten times faster; a
 * file whose JSON is over FULL_PARSE_LIMIT is streamed record by record (`Records[]`, `Events[]`, `QueryResultRows[]`).
 * A file that is not gzip or not JSON is a problem naming it; the records read before the damage, and every other
 * file, still count.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { JSONParser } from '@streamparser/json-node';
import { filesUnder } from '../../shared/file-tree.js';
import { parseBoundedJson } from '../../shared/input-limits.js';
import { asRecord } from '../../shared/json.js';
import { CloudTrailReads, type CloudTrailOptions } from './cloudtrail-reads.js';
import { notGiven, plural, type UsageSourceResult } from './usage-source.js';

export const CLOUDTRAIL_LABEL = 'CloudTrail metric reads';

export interface CloudTrailSourceOptions extends CloudTrailOptions {
  readonly show: (path: string) => string;
  /** `--read-within 30d`, for the summary. */
  readonly within?: string | undefined;
}

const RECORD_PATHS = ['$.Records.*', '$.Events.*', '$.QueryResultRows.*'];
const RECORD_LISTS = ['Records', 'Events', 'QueryResultRows'];

/** JSON text up to this size is parsed whole; larger files are streamed. */
export const FULL_PARSE_LIMIT = 16 * 1024 * 1024;

export async function loadCloudTrailSource(paths: readonly string[], options: CloudTrailSourceOptions): Promise<UsageSourceResult> {
  if (paths.length === 0) return notGiven(CLOUDTRAIL_LABEL, '--cloudtrail DIR|FILE');
  const folded = new CloudTrailReads(options);
  const damaged: { file: string; message: string }[] = [];
  let files = 0;
  for (const path of paths) {
    for (const file of await filesUnder(path, 'CloudTrail log file or directory', (name) => /\.json(\.gz)?$|\.gz$/i.test(name))) {
      files++;
      const shown = options.show(file);
      let index = 0;
      const add = (value: unknown) => folded.add(value, shown, `record ${index++}`);
      try {
        const document = wholeDocument(await smallFileText(file));
        if (document !== undefined) {
          for (const list of RECORD_LISTS) for (const value of Array.isArray(document[list]) ? (document[list] as unknown[]) : []) add(value);
          continue;
        }
        const parser = new JSONParser({ paths: RECORD_PATHS, keepStack: false });
        const consume = async (records: AsyncIterable<{ value: unknown }>) => {
          for await (const { value } of records) add(value);
        };
        if (/\.gz$/i.test(file)) await pipeline(createReadStream(file), createGunzip(), parser, consume);
        else await pipeline(createReadStream(file), parser, consume);
      } catch (error) {
        damaged.push({ file: shown, message: `cannot read CloudTrail file after ${plural(index, 'record')}: ${(error as Error).message}` });
      }
    }
  }
  const { reads, problems, counts } = folded.result();
  const apis = Object.entries(counts.reads).sort(([a], [b]) => (a < b ? -1 : 1)).map(([event, count]) => `${event} ${count}`);
  const summary = [
    plural(files, 'file'),
    `${plural(Object.values(counts.reads).reduce((sum, count) => sum + count, 0), 'metric read record')}${apis.length ? ` (${apis.join(', ')})` : ''}`,
    ...(counts.older > 0 ? [`${counts.older} older than --read-within ${options.within ?? ''} not counted`.replace('  ', ' ')] : []),
    ...(counts.failed > 0 ? [`${plural(counts.failed, 'failed call')} not counted`] : []),
  ].join(', ');
  return {
    reads,
    problems: [...damaged.map((entry) => ({ source: { kind: 'cloudtrail' as const, name: entry.file, file: entry.file }, message: entry.message })), ...problems],
    consulted: { label: CLOUDTRAIL_LABEL, given: true, summary },
  };
}

/** The parsed file; undefined when it is too large, or broken (the stream then reads what comes before the damage). */
function wholeDocument(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    return asRecord(parseBoundedJson(text)) ?? {};
  } catch {
    return undefined;
  }
}

/** The file's JSON text when it is at most FULL_PARSE_LIMIT (after gunzip); undefined when it must be streamed. */
async function smallFileText(file: string): Promise<string | undefined> {
  const gzip = /\.gz$/i.test(file);
  // gzip rarely compresses CloudTrail JSON more than 20:1; past that the file is streamed without trying.
  if ((await stat(file)).size > (gzip ? FULL_PARSE_LIMIT / 20 : FULL_PARSE_LIMIT)) return undefined;
  const bytes = await readFile(file);
  if (!gzip) return bytes.toString('utf8');
  try {
    return gunzipSync(bytes, { maxOutputLength: FULL_PARSE_LIMIT }).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return undefined;
    throw error;
  }
}
