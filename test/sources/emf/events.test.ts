import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emfEventMetrics } from '../../../src/sources/emf/events.js';
import { readEmfEvents } from '../../../src/sources/emf/read.js';

const fixture = fileURLToPath(new URL('../../fixtures/emf/emf-events.jsonl', import.meta.url));

describe('EMF events → metrics', () => {
  it('counts the 196 distinct identities of the fixture (docs/sources.md#emf), per line as the table says', async () => {
    const lines = readFileSync(fixture, 'utf8').trim().split('\n');
    const perLine = lines.map((line) => {
      const result = emfEventMetrics(line);
      return result.kind === 'metrics' ? result.metrics.length : 0;
    });
    expect(perLine).toEqual([18, 2, 29, 15, 0, 2, 2, 2, 18, 20, 20, 20, 77, 8, 2, 5]);
    const prediction = await readEmfEvents(fixture);
    expect(prediction.summary.customMetrics).toBe(196);
    expect(prediction.emfLog).toEqual({ events: 16, eventsWithMetrics: 15, eventsWithoutDirective: 1, invalidEvents: 0, bytes: lines.reduce((n, l) => n + Buffer.byteLength(l), 0) });
    expect(prediction.summary.byNamespace).toEqual({ ContainerInsights: 72, 'prod/task-service': 124 });
  });

  it.each([
    ['{"a":', /not JSON/],
    ['[1]', /not a JSON object/],
    ['{"_aws":{"Timestamp":"x","CloudWatchMetrics":[]}}', /Timestamp is not a number/],
    ['{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["d"]],"Metrics":[{"Name":"m"}]}]},"m":1}', /dimension "d" has no string value/],
    ['{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"m"}]}]},"m":"1"}', /metric "m" has no numeric value/],
    ['{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"","Dimensions":[],"Metrics":[]}]}}', /Namespace/],
  ])('rejects %s with a reason', (line, reason) => {
    const result = emfEventMetrics(line);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toMatch(reason);
  });

  it('reads the legacy version-0 form and more than 100 metrics is invalid', () => {
    const legacy = emfEventMetrics('{"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["d"],[]],"Metrics":[{"Name":"m"}]}],"Timestamp":"1","d":"x","m":2}');
    expect(legacy).toEqual({
      kind: 'metrics',
      metrics: [
        { namespace: 'N', metricName: 'm', dimensions: { d: 'x' } },
        { namespace: 'N', metricName: 'm', dimensions: {} },
      ],
    });
    const names = Array.from({ length: 101 }, (_, i) => `m${i}`);
    const big = { _aws: { Timestamp: 1, CloudWatchMetrics: [{ Namespace: 'N', Dimensions: [[]], Metrics: names.map((Name) => ({ Name })) }] }, ...Object.fromEntries(names.map((n) => [n, 1])) };
    expect(emfEventMetrics(JSON.stringify(big))).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('101 metrics') });
  });

  it('counts invalid lines and goes on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwdash-emf-'));
    const file = join(dir, 'events.jsonl');
    await writeFile(file, `${readFileSync(fixture, 'utf8').split('\n')[15]}\nnot json\n\n{"plain":"log"}\n`);
    const prediction = await readEmfEvents(file, undefined, 'events.jsonl');
    expect(prediction.summary.customMetrics).toBe(5);
    expect(prediction.emfLog).toMatchObject({ events: 3, eventsWithMetrics: 1, eventsWithoutDirective: 1, invalidEvents: 1 });
    expect(prediction.warnings).toEqual([{ message: expect.stringMatching(/^invalid EMF event, no metrics extracted: not JSON/), location: 'events.jsonl:2' }]);
  });
});
