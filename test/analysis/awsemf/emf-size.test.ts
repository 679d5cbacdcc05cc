/** The EMF event size formula (Go encoding/json lengths) against the bytes of real EMF lines (test/fixtures/emf/emf-events.jsonl, Prometheus lines). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  definitionLength, dimensionsLength, emfEventLengthFromParts, jsonStringLength, labelsLength, numberLength, statisticSetLength,
} from '../../../src/analysis/awsemf/emf-size.js';

const lines = readFileSync(new URL('../../fixtures/emf/emf-events.jsonl', import.meta.url), 'utf8').trim().split('\n');

interface Directive { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit?: string; StorageResolution?: number }[] }

describe('emfEventLengthFromParts', () => {
  // Lines 10–16 are the awsemf lines written from a Prometheus scrape (OLD and NEW forms).
  for (const number of [10, 11, 12, 13, 14, 15, 16]) {
    it(`gives the exact byte length of fixture line ${number}`, () => {
      const line = lines[number - 1]!;
      const event = JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: Directive[] } };
      const labels: Record<string, string> = {};
      const values = new Map<string, number>();
      for (const [key, value] of Object.entries(event)) {
        if (key === '_aws' || key === 'Version') continue;
        if (typeof value === 'string') labels[key] = value;
        else values.set(key, JSON.stringify(value).length);
      }
      const form = line.includes('StorageResolution') ? 'new' : 'old';
      let valuesLength = 0;
      for (const [name, valueLength] of values) valuesLength += jsonStringLength(name) + 3 + valueLength;
      const length = emfEventLengthFromParts({
        namespace: event._aws.CloudWatchMetrics[0]!.Namespace,
        labelsLength: labelsLength(labels),
        labelCount: Object.keys(labels).length,
        valuesLength,
        valueCount: values.size,
        directives: event._aws.CloudWatchMetrics.map((d) => ({
          dimensionsLength: dimensionsLength(d.Dimensions),
          definitionsLength: d.Metrics.reduce((sum, m, i) => sum + (i > 0 ? 1 : 0) + definitionLength({ name: m.Name, unit: m.Unit ?? '' }, form), 0),
        })),
        versionField: event.Version === '1',
      });
      expect(length).toBe(Buffer.byteLength(line));
    });
  }

  it('sizes strings and numbers as Go encoding/json writes them', () => {
    expect(jsonStringLength('a<b&c>')).toBe(6 + 3 * 5);
    expect(jsonStringLength('é')).toBe(2);
    expect(jsonStringLength('say "hi"\n')).toBe(12);
    expect(numberLength(0.005650379)).toBe(11);
    expect(numberLength(1e-7)).toBe(4);
    expect(numberLength(1795523350)).toBe(10);
    for (const value of [0, -0, 7, -7, 10, 99, 100, -1000, 2 ** 53 - 1, 1e21, 123.25]) expect(numberLength(value)).toBe(Object.is(value, -0) ? 2 : String(value).length);
    expect(statisticSetLength(0, 0, 4, 0.005650379)).toBe('{"Max":0,"Min":0,"Count":4,"Sum":0.005650379}'.length);
  });
});
