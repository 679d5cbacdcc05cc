/**
 * `ChartWidget`: a `chart` widget drawing PromQL queries over the OpenTelemetry metrics CloudWatch ingests over OTLP
 * (docs/sources.md#otel-metrics). PromQL cannot go in a metric widget: CloudWatch rejects that body. Every option maps onto
 * a field seen in chart bodies that deploy; options not set are not written. Metric names with dots are quoted in
 * PromQL 3: `sum(rate({"http.server.request.duration"}[5m]))`.
 */
import { CHART_QUERY_TYPE, PROMQL_LANGUAGE, type ChartAnnotationJson, type ChartAxisJson, type ChartLineOptionsJson, type ChartQueryJson, type ChartStyleJson } from '../body/chart-schema.js';
import type { ChartWidgetProperties, WidgetJson } from '../body/schema.js';
import type { Duration } from './duration.js';
import { definedOnly } from './private/options.js';
import { ConcreteWidget, type RenderContext, type WidgetPlacementProps } from './widget.js';
import { checkProps, PLACEMENT_KEYS, propKeys } from './private/check-props.js';

/** The views seen in chart widgets; others are written as given (and the validator warns). */
export type ChartView = 'line' | 'number' | 'pie' | 'bar' | (string & {});

export interface PromQLQuery {
  /**
   * The query's id, unique within the widget.
   * @default - `q1`, `q2`, ... by position
   */
  readonly id?: string;
  /** The PromQL expression, checked by the validator with the Prometheus grammar. */
  readonly query: string;
  /**
   * Resolution of the range query.
   * @default - CloudWatch's (no `step` is written)
   */
  readonly step?: Duration;
  /**
   * Legend label of the query's series (`__verbose__` is seen in real bodies too).
   * @default - the series' labels
   */
  readonly label?: string;
}

export interface ChartLegend {
  /** `bottom` is the one seen. @default - CloudWatch's */
  readonly position?: 'bottom' | 'right' | (string & {});
  /** @default - CloudWatch's */
  readonly show?: boolean;
}

export type ChartAxis = ChartAxisJson;
export type ChartLineOptions = ChartLineOptionsJson;
export type ChartStyle = ChartStyleJson;
export type ChartAnnotation = ChartAnnotationJson;

export interface ChartWidgetProps extends WidgetPlacementProps {
  /** The PromQL queries, one or more. */
  readonly queries: readonly PromQLQuery[];
  /** @default - no title */
  readonly title?: string;
  /** @default - the dashboard's `region` */
  readonly region?: string;
  /**
   * `line`, `number`, `pie` or `bar` (stacking is `style.lineOptions.stacked`, not a view).
   * @default - not written
   */
  readonly view?: ChartView;
  /** `plotOptions.legend`. @default - not written */
  readonly legend?: ChartLegend;
  /** `plotOptions.xAxis`, e.g. `{ type: 'datetime' }`. @default - not written */
  readonly xAxis?: { readonly type?: string };
  /** `plotOptions.yAxis`: an array of axes, e.g. `[{ type: 'linear', min: 0, title: 'req/s' }]`. @default - not written */
  readonly yAxis?: readonly ChartAxis[];
  /**
   * `plotOptions.style`: `lineOptions` (bodies seen in use set all five fields), `numberOptions`, `pieOptions`,
   * `barOptions`, `gaugeOptions`.
   * @default - not written
   */
  readonly style?: ChartStyle;
  /** `plotOptions.annotations.horizontal`, e.g. `[{ type: 'static', label: 'SLO', value: 0.5, color: '#d62728' }]`. @default - none */
  readonly horizontalAnnotations?: readonly ChartAnnotation[];
}

const CHART_WIDGET_KEYS = propKeys<ChartWidgetProps>({ ...PLACEMENT_KEYS, queries: true, title: true, region: true, view: true, legend: true, xAxis: true, yAxis: true, style: true, horizontalAnnotations: true });

export class ChartWidget extends ConcreteWidget {
  constructor(readonly props: ChartWidgetProps) {
    checkProps('ChartWidget', props, CHART_WIDGET_KEYS);
    super(props, 6, 6);
  }

  protected toJson(context: RenderContext): WidgetJson {
    const props = this.props;
    const queries = props.queries.map((query, index): ChartQueryJson =>
      definedOnly({
        id: query.id ?? `q${index + 1}`,
        type: CHART_QUERY_TYPE,
        language: PROMQL_LANGUAGE,
        query: query.query,
        step: query.step?.toSeconds(),
        label: query.label,
      }),
    );
    const plotOptions = definedOnly({
      legend: props.legend && definedOnly({ ...props.legend }),
      xAxis: props.xAxis && definedOnly({ ...props.xAxis }),
      yAxis: props.yAxis?.map((axis) => definedOnly({ ...axis })),
      style: props.style,
      annotations: props.horizontalAnnotations && { horizontal: props.horizontalAnnotations.map((line) => definedOnly({ ...line })) },
    });
    const properties: ChartWidgetProperties = definedOnly({
      title: props.title,
      view: props.view,
      region: (props.region ?? context.region)!,
      data: { queries },
      plotOptions: Object.keys(plotOptions).length === 0 ? undefined : plotOptions,
    });
    return { type: 'chart', properties };
  }
}
