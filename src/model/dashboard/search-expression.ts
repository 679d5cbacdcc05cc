/** `SearchExpression`: `SEARCH('{Namespace,Dim} term', 'Stat', period)`, built from typed parts. */
import type { CommonMetricOptions, ExpressionConfig, IMetric } from './metric-types.js';
import { commonRowOptions, definedOnly } from './private/options.js';
import { checkProps, METRIC_OPTION_KEYS, propKeys } from './private/check-props.js';

export interface SearchExpressionProps extends CommonMetricOptions {
  /**
   * The schema in braces: a namespace and the exact dimension names the metrics must have.
   * @default - no schema: the search term alone selects metrics
   */
  readonly schema?: { readonly namespace: string; readonly dimensions?: readonly string[] };
  /**
   * Search term after the schema, e.g. `MetricName="CPUUtilization"` or `Errors NOT 4xx`.
   * @default - no term: every metric of the schema
   */
  readonly searchTerm?: string;
  /** Statistic applied to every metric found, e.g. `Average`. */
  readonly statistic: string;
  /**
   * Period of the search, in seconds in the expression.
   * @default 300
   */
  readonly searchPeriodSeconds?: number;
}

/** Names in a SEARCH schema need quotes when they hold anything but letters, digits, `/`, `.`, `_`, `-`, `:`. */
function quoteName(name: string): string {
  return /^[A-Za-z0-9/._:-]+$/.test(name) ? name : `"${name.replace(/(["\\])/g, '\\$1')}"`;
}

const SEARCH_EXPRESSION_KEYS = propKeys<SearchExpressionProps>({ ...METRIC_OPTION_KEYS, schema: true, searchTerm: true, statistic: true, searchPeriodSeconds: true });

export class SearchExpression implements IMetric {
  constructor(readonly props: SearchExpressionProps) {
    checkProps('SearchExpression', props, SEARCH_EXPRESSION_KEYS);
  }

  /** The full `SEARCH(...)` expression text. */
  get expression(): string {
    const { schema, searchTerm, statistic } = this.props;
    const parts: string[] = [];
    if (schema) parts.push(`{${[schema.namespace, ...(schema.dimensions ?? [])].map(quoteName).join(',')}}`);
    if (searchTerm) parts.push(searchTerm);
    return `SEARCH('${parts.join(' ')}', '${statistic}', ${this.props.searchPeriodSeconds ?? 300})`;
  }

  toMetricConfig(): ExpressionConfig {
    return { kind: 'expression', options: definedOnly({ expression: this.expression, ...commonRowOptions(this.props) }), usingMetrics: {} };
  }
}
