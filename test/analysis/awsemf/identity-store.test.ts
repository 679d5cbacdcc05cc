/** The prediction's identity store: one entry per distinct identity, listed in the model's identity order. */
import { describe, expect, it } from 'vitest';
import { IdentityStore } from '../../../src/analysis/awsemf/identity-store.js';
import { compareMetricIdentities } from '../../../src/model/metric-identity.js';

interface Entry {
  readonly set: readonly string[];
  readonly values: readonly string[];
}

function add(store: IdentityStore<Entry>, namespace: string, metricName: string, labels: Record<string, string>): Entry {
  const set = Object.keys(labels).sort();
  return store.get(store.metric(namespace, metricName), set, labels, (names) => ({ set: names, values: names.map((name) => labels[name]!) }), undefined);
}

describe('identity store', () => {
  it('returns the same entry for the same identity, short and long dimension sets alike', () => {
    const store = new IdentityStore<Entry>();
    const first = add(store, 'ns', 'm', { route: '/a' });
    expect(add(store, 'ns', 'm', { route: '/a' })).toBe(first);
    const wide = { a: '1', b: '2', c: '3', d: '4' };
    expect(add(store, 'ns', 'm', wide)).toBe(add(store, 'ns', 'm', { ...wide }));
    add(store, 'ns', 'm', {});
    add(store, 'ns', 'other', { route: '/a' });
    expect(store.size).toBe(4);
  });

  it('lists every entry in compareMetricIdentities order', () => {
    const store = new IdentityStore<Entry>();
    const identities = [
      ['ns-b', 'm', { route: '/a' }],
      ['ns-a', 'm', { route: '/b' }],
      ['ns-a', 'm', {}],
      ['ns-a', 'm', { method: 'GET', route: '/a' }],
      ['ns-a', 'm', { route: '/a' }],
      ['ns-a', 'l', { a: '1', b: '2', c: '3' }],
    ] as const;
    for (const [namespace, metricName, labels] of identities) add(store, namespace, metricName, labels);
    const listed = [...store.sorted()].map(({ namespace, metricName, entry }) => ({
      namespace,
      metricName,
      dimensions: Object.fromEntries(entry.set.map((name, index) => [name, entry.values[index]!])),
    }));
    const expected = identities.map(([namespace, metricName, dimensions]) => ({ namespace, metricName, dimensions })).sort(compareMetricIdentities);
    expect(listed).toEqual(expected);
  });

  it('interns values and gives each distinct value one short id', () => {
    const store = new IdentityStore<Entry>();
    const value = ['a', 'b'].join('');
    expect(store.intern(value)).toBe(store.intern('ab'));
    expect(store.valueId('ab')).toBe(store.valueId('ab'));
    expect(store.valueId('ab')).not.toBe(store.valueId('cd'));
  });
});
