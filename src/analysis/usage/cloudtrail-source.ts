/**
 * `--cloudtrail DIR|FILE` (repeatable): CloudTrail log files as delivered to S3 (`*.json.gz` or `*.json`, any folder
 * depth: `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/`), `aws cloudtrail lookup-events` output and CloudTrail
 * Lake query results. Each file is streamed record by record (`Records[]`, `Events[]`, `QueryResultRows[]`), so a
 * month of logs is read without holding it in memory; a file that is not gzip or not JSON is a problem naming it, and
 * the records read before the damage, and every other file, still count.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { JSONParser } from '@streamparser/json-node';
import { filesUnder } from '../../shared/file-tree.js';
import { CloudTrailReads, type CloudTrailOptions } from './cloudtrail-reads.js';
import { notGiven, plural, type UsageSourceResult } from './usage-source.js';

export const CLOUDTRAIL_LABEL = 'CloudTrail metric reads';

export interface CloudTrailSourceOptions extends CloudTrailOptions {
  readonly show: (path: string) => string;
  /** `--read-within 30d`, for the summary. */
  readonly within?: string | undefined;
}

const RECORD_PATHS = ['$.Records.*', '$.Events.*', '$.QueryResultRows.*'];

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
      const parser = new JSONParser({ paths: RECORD_PATHS, keepStack: false });
      const consume = async (records: AsyncIterable<{ value: unknown }>) => {
        for await (const { value } of records) folded.add(value, shown, `record ${index++}`);
      };
      try {
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
