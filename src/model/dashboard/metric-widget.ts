/**
 * What every widget of `type: "metric"` shares (graphs, single values, gauges, tables, alarm graphs): region, account,
 * title, period, statistic, time range, and the rows. Each view is its own class in its own file.
 */
import type { AnnotationsJson, MetricWidgetProperties, WidgetJson, YAxisJson } from '../body/schema.js';
import type { Duration } from './duration.js';
import type { IMetric } from './metric-types.js';
import { definedOnly } from './private/options.js';
import { renderMetricRows } from './private/metric-rows.js';
import { canonicalStatistic } from '../body/statistic.js';
import { ConcreteWidget, type RenderContext, type WidgetPlacementProps } from './widget.js';

export type LegendPosition = 'right' | 'bottom' | 'hidden';

export interface MetricWidgetProps extends WidgetPlacementProps {
  /**
   * Title shown above the widget.
   * @default - no title
   */
  readonly title?: string;
  /**
   * Region whose metrics the widget shows.
   * @default - the dashboard's `region`
   */
  readonly region?: string;
  /**
   * Account whose metrics the widget shows (cross-account observability); rows may override it.
   * @default - the dashboard's account
   */
  readonly accountId?: string;
  /**
   * Default period of the rows.
   * @default 5 minutes
   */
  readonly period?: Duration;
  /**
   * Default statistic of the rows (see `Stats`).
   * @default 'Average'
   */
  readonly statistic?: string;
  /**
   * Show the last minute's data before it is fully aggregated.
   * @default false
   */
  readonly liveData?: boolean;
  /**
   * Start of this widget's own time range: relative (`-PT3H`, `-P7D`) or ISO-8601.
   * @default - the dashboard's time range
   */
  readonly start?: string;
  /**
   * End of this widget's own time range, ISO-8601; needs `start`.
   * @default - now
   */
  readonly end?: string;
  /**
   * Time zone of the widget, `+HHMM` or `-HHMM`.
   * @default '+0000'
   */
  readonly timezone?: string;
}

export interface YAxisProps {
  /** @default - fits the data */
  readonly min?: number;
  /** @default - fits the data */
  readonly max?: number;
  /** @default - no label */
  readonly label?: string;
  /** @default true */
  readonly showUnits?: boolean;
}

export interface YAxesProps {
  /** @default - automatic */
  readonly left?: YAxisProps;
  /** @default - automatic */
  readonly right?: YAxisProps;
}

/** Base of the metric views: renders the shared properties; subclasses add their view's own. */
export abstract class MetricWidget extends ConcreteWidget {
  protected constructor(
    private readonly common: MetricWidgetProps,
    defaultWidth: number,
    defaultHeight: number,
  ) {
    super(common, defaultWidth, defaultHeight);
  }

  /** The view's own properties (view, metrics, axes, ...), merged over the shared ones. */
  protected abstract viewProperties(): Partial<MetricWidgetProperties>;

  protected toJson(context: RenderContext): WidgetJson {
    const common = this.common;
    const properties = definedOnly({
      title: common.title,
      region: common.region ?? context.region,
      accountId: common.accountId,
      period: common.period?.toSeconds(),
      stat: canonicalStatistic(common.statistic),
      liveData: common.liveData,
      start: common.start,
      end: common.end,
      timezone: common.timezone,
      ...definedOnly(this.viewProperties()),
    }) as MetricWidgetProperties;
    return { type: 'metric', properties };
  }
}

export function renderRows(metrics: readonly IMetric[] | undefined) {
  return metrics === undefined ? undefined : renderMetricRows(metrics);
}

export function renderYAxes(axes: YAxesProps | undefined): { left?: YAxisJson; right?: YAxisJson } | undefined {
  if (axes === undefined) return undefined;
  return definedOnly({ left: axes.left && definedOnly({ ...axes.left }), right: axes.right && definedOnly({ ...axes.right }) });
}

/** Annotations as written in the body, or undefined when there are none. */
export function renderAnnotations(annotations: AnnotationsJson): AnnotationsJson | undefined {
  const result = definedOnly(annotations);
  return Object.keys(result).length === 0 ? undefined : result;
}
