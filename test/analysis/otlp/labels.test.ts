/** The series key of a point, built from its target's labels, is the key of the labels PromQL sees. */
import { describe, expect, it } from 'vitest';
import { pointSeriesKey, promqlLabels, seriesKey, targetLabels } from '../../../src/analysis/otlp/labels.js';

const resource = { 'service.name': 'tasks-api', 'server.port': '8080', 'url.scheme': 'http' };

describe('pointSeriesKey', () => {
  const cases: Record<string, string>[] = [
    {},
    { method: 'GET', status_code: '200' },
    { zeta: '1', alpha: '2', '@resource.zz': 'after the resource labels', '@a': 'before them' },
    // A datapoint attribute named like a resource label replaces it, as in promqlLabels.
    { '@resource.service.name': 'renamed', '@instrumentation.@name': 'other scope', route: '/x' },
  ];
  for (const scope of ['github.com/prometheusreceiver', '']) {
    for (const attributes of cases) {
      it(`equals seriesKey(promqlLabels) for ${JSON.stringify(attributes)} (scope "${scope}")`, () => {
        expect(pointSeriesKey('http_requests_total', attributes, targetLabels(resource, scope))).toBe(seriesKey('http_requests_total', promqlLabels(attributes, resource, scope)));
      });
    }
  }
});
