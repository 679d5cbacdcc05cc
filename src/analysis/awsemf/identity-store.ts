/**
 * The set of CloudWatch metric identities a prediction collects. A large scrape adds millions of (namespace, name,
 * dimension set, values) tuples, most of them repeats (every series of a metric feeds the same rollups), so the store
 * is a tree of maps keyed by the parts themselves: no key string is built per lookup, and the label values, which
 * are shared strings, hash once. No key string is built at all: the entries are sorted in the model's identity order.
 */
import { compareDimensionLists } from '../../model/metric-identity.js';
import { compareStrings } from '../../shared/json.js';

type Node<T> = Map<string, Node<T> | T>;
/** Dimension-set signature → the identities of one metric name with that set. */
export type MetricNode<T> = Map<string, Node<T>>;

export class IdentityStore<T extends { readonly set: readonly string[]; readonly values: readonly string[] }> {
  private readonly root = new Map<string, Map<string, Map<string, Node<T>>>>();
  private readonly signatures = new WeakMap<readonly string[], string>();
  /** Label value → short id, so long keys are built from ids instead of the values (an OTelLib value is 90 chars). */
  private readonly valueIds = new Map<string, string>();
  /** Label value → one shared copy, so a million identities do not each keep their own value strings. */
  private readonly interned = new Map<string, string>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The identities of one metric name: look it up once per data point, then `get` each dimension set in it. */
  metric(namespace: string, metricName: string): MetricNode<T> {
    let byMetric = this.root.get(namespace);
    if (!byMetric) this.root.set(namespace, (byMetric = new Map()));
    let bySet = byMetric.get(metricName);
    if (!bySet) byMetric.set(metricName, (bySet = new Map()));
    return bySet;
  }

  /** The entry for the identity, created by `create(set, context)` when it is new (no closure per lookup). */
  get<C>(bySet: MetricNode<T>, set: readonly string[], labels: Readonly<Record<string, string>>, create: (set: readonly string[], context: C) => T, context: C): T {
    let signature = this.signatures.get(set);
    if (signature === undefined) this.signatures.set(set, (signature = set.join('\u0000')));
    let node = bySet.get(signature);
    if (!node) bySet.set(signature, (node = new Map()));
    // Short sets (the rollups, looked up again and again) walk one map level per value, without building a key;
    // a long set (the full label set, nearly always new) keys its values joined. An empty set sits under ''.
    let leafKey: string;
    if (set.length <= 2) {
      for (let index = 0; index < set.length - 1; index++) {
        const value = labels[set[index]!]!;
        let next = node.get(value) as Node<T> | undefined;
        if (!next) node.set(value, (next = new Map()));
        node = next;
      }
      leafKey = set.length === 0 ? '' : labels[set[set.length - 1]!]!;
    } else {
      // Joined, not concatenated: a concatenation is a rope of small objects that the map would keep alive.
      const ids: string[] = [];
      for (const name of set) ids.push(this.valueId(labels[name]!));
      leafKey = ids.join(',');
    }
    const existing = node.get(leafKey) as T | undefined;
    if (existing) return existing;
    const entry = create(set, context);
    node.set(leafKey, entry);
    this.count++;
    return entry;
  }

  intern(value: string): string {
    const shared = this.interned.get(value);
    if (shared !== undefined) return shared;
    this.interned.set(value, value);
    return value;
  }

  /** A short, stable id for a label value; also used by callers that key other maps by label values. */
  valueId(value: string): string {
    let id = this.valueIds.get(value);
    if (id === undefined) this.valueIds.set(value, (id = this.valueIds.size.toString(36)));
    return id;
  }

  /**
   * Every entry, in identity order (namespace, metric name, then dimension names and values:
   * `compareMetricIdentities`), one at a time: only the entries of one metric name are sorted at once, so a million
   * identities are rendered without a list of them all.
   */
  *sorted(): Generator<{ entry: T; namespace: string; metricName: string }> {
    for (const namespace of [...this.root.keys()].sort(compareStrings)) {
      const byMetric = this.root.get(namespace)!;
      for (const metricName of [...byMetric.keys()].sort(compareStrings)) {
        const entries: T[] = [];
        for (const node of byMetric.get(metricName)!.values()) this.collect(node, (entry) => entries.push(entry));
        entries.sort((a, b) => compareDimensionLists(a.set, a.values, b.set, b.values));
        for (const entry of entries) yield { entry, namespace, metricName };
      }
    }
  }

  /** Every entry, unsorted, with its namespace and metric name (counting without building a list). */
  forEach(visit: (namespace: string, metricName: string, entry: T) => void): void {
    for (const [namespace, byMetric] of this.root) {
      for (const [metricName, bySet] of byMetric) {
        for (const node of bySet.values()) this.collect(node, (entry) => visit(namespace, metricName, entry));
      }
    }
  }

  private collect(node: Node<T>, visit: (entry: T) => void): void {
    for (const child of node.values()) {
      if (child instanceof Map) this.collect(child, visit);
      else visit(child);
    }
  }
}
