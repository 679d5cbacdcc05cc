/** `LogQueryWidget`: the result of a CloudWatch Logs Insights query over one or more log groups. */
import type { LogWidgetProperties, WidgetJson } from '../body/schema.js';
import { definedOnly } from './private/options.js';
import { ConcreteWidget, type RenderContext, type WidgetPlacementProps } from './widget.js';
import { checkProps, PLACEMENT_KEYS, propKeys } from './private/check-props.js';

export type LogQueryView = 'table' | 'timeSeries' | 'bar' | 'pie';

export interface LogQueryWidgetProps extends WidgetPlacementProps {
  /**
   * Log groups to query; each becomes a `SOURCE '<group>'` clause. Give these with `queryString` or `queryLines`,
   * or the whole `query` instead.
   * @default - none (give `query`)
   */
  readonly logGroupNames?: readonly string[];
  /**
   * The query after the SOURCE clauses, e.g. `fields @message | filter @message like /Error/`.
   * @default - `queryLines` joined
   */
  readonly queryString?: string;
  /**
   * The query as lines, joined with `\n| ` like the console writes them.
   * @default - none
   */
  readonly queryLines?: readonly string[];
  /**
   * The whole query including its SOURCE clauses, as the console's source view shows it.
   * @default - built from `logGroupNames` and `queryString`/`queryLines`
   */
  readonly query?: string;
  /** @default - the dashboard's `region` */
  readonly region?: string;
  /** @default - no title */
  readonly title?: string;
  /** @default 'table' */
  readonly view?: LogQueryView;
  /**
   * Stack the areas (timeSeries view).
   * @default false
   */
  readonly stacked?: boolean;
  /** @default - the dashboard's account */
  readonly accountId?: string;
  /**
   * `Logs` (Logs Insights QL), `SQL` or `PPL`.
   * @default 'Logs'
   */
  readonly queryLanguage?: 'Logs' | 'SQL' | 'PPL';
}

const LOG_QUERY_WIDGET_KEYS = propKeys<LogQueryWidgetProps>({ ...PLACEMENT_KEYS, logGroupNames: true, queryString: true, queryLines: true, query: true, region: true, title: true, view: true, stacked: true, accountId: true, queryLanguage: true });

export class LogQueryWidget extends ConcreteWidget {
  constructor(readonly props: LogQueryWidgetProps) {
    checkProps('LogQueryWidget', props, LOG_QUERY_WIDGET_KEYS);
    super(props, 6, 6);
  }

  /** The query text as written to the body. */
  get query(): string {
    const props = this.props;
    if (props.query !== undefined) return props.query;
    const sources = (props.logGroupNames ?? []).map((group) => `SOURCE '${group}'`);
    const body = props.queryString ?? (props.queryLines ?? []).join('\n| ');
    return [...sources, body].join(' | ');
  }

  protected toJson(context: RenderContext): WidgetJson {
    const props = this.props;
    const properties: LogWidgetProperties = definedOnly({
      view: props.view,
      title: props.title,
      region: (props.region ?? context.region)!,
      accountId: props.accountId,
      query: this.query,
      queryLanguage: props.queryLanguage,
      stacked: props.stacked,
    });
    return { type: 'log', properties };
  }
}
