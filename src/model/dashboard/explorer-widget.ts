/** `ExplorerWidget`: Metrics Explorer, metrics of every resource that carries some tags or properties. */
import type { ExplorerWidgetProperties, WidgetJson } from '../body/schema.js';
import type { Duration } from './duration.js';
import type { LegendPosition } from './metric-widget.js';
import { definedOnly } from './private/options.js';
import { ConcreteWidget, type WidgetPlacementProps } from './widget.js';
import { checkProps, PLACEMENT_KEYS, propKeys } from './private/check-props.js';

export interface ExplorerMetric {
  /** e.g. `CPUUtilization`. */
  readonly metricName: string;
  /** CloudFormation resource type, the same for every metric of the widget: `AWS::EC2::Instance`. */
  readonly resourceType: string;
  /** e.g. `Average`. */
  readonly stat: string;
}

export interface ExplorerWidgetProps extends WidgetPlacementProps {
  /** 1 to 100 metrics, all of one resource type. */
  readonly metrics: readonly ExplorerMetric[];
  /** Tag or property filters: different keys are ANDed, values of one key ORed. */
  readonly labels: readonly { readonly key: string; readonly value?: string }[];
  /** @default - no aggregation */
  readonly aggregateBy?: { readonly key: string; readonly func: 'AVG' | 'MIN' | 'MAX' | 'STDDEV' | 'SUM' };
  /** @default - no split */
  readonly splitBy?: string;
  /** @default 5 minutes */
  readonly period?: Duration;
  /** @default 'Explorer' (CloudWatch's) */
  readonly title?: string;
  /** @default - CloudWatch's defaults */
  readonly widgetOptions?: {
    readonly legendPosition?: LegendPosition;
    readonly rowsPerPage?: number;
    readonly stacked?: boolean;
    readonly view?: 'timeSeries' | 'bar' | 'pie';
    readonly widgetsPerRow?: number;
  };
}

const EXPLORER_WIDGET_KEYS = propKeys<ExplorerWidgetProps>({ ...PLACEMENT_KEYS, metrics: true, labels: true, aggregateBy: true, splitBy: true, period: true, title: true, widgetOptions: true });

export class ExplorerWidget extends ConcreteWidget {
  constructor(readonly props: ExplorerWidgetProps) {
    checkProps('ExplorerWidget', props, EXPLORER_WIDGET_KEYS);
    super(props, 6, 6);
  }

  protected toJson(): WidgetJson {
    const props = this.props;
    const options = props.widgetOptions;
    const properties: ExplorerWidgetProperties = definedOnly({
      metrics: props.metrics.map((metric) => ({ ...metric })),
      labels: props.labels.map((label) => definedOnly({ ...label })),
      aggregateBy: props.aggregateBy && { ...props.aggregateBy },
      splitBy: props.splitBy,
      period: props.period?.toSeconds(),
      title: props.title,
      widgetOptions:
        options &&
        definedOnly({
          legend: options.legendPosition === undefined ? undefined : { position: options.legendPosition },
          rowsPerPage: options.rowsPerPage,
          stacked: options.stacked,
          view: options.view,
          widgetsPerRow: options.widgetsPerRow,
        }),
    });
    return { type: 'explorer', properties };
  }
}
