/**
 * `Dashboard`: a named list of widgets (placed on the 24-column grid), variables and a default time range, that
 * renders to the DashboardBody PutDashboard takes. A definition file default-exports one (or an array).
 */
import type { DashboardBody, WidgetJson } from '../body/schema.js';
import { Row } from './layout.js';
import type { DashboardVariable } from './variable.js';
import type { IWidget } from './widget.js';
import { placeBands } from './private/placement.js';
import { definedOnly } from './private/options.js';
import type { Duration } from './duration.js';
import { InputError } from '../../shared/errors.js';
import { checkProps, propKeys } from './private/check-props.js';

/** One band of the layout: a widget, or an array of widgets laid out as a `Row`. */
export type WidgetBand = IWidget | readonly IWidget[];

export interface DashboardProps {
  /** The dashboard's name in CloudWatch: 1-255 characters of `A-Z a-z 0-9 - _`. Also the output file name. */
  readonly dashboardName: string;
  /**
   * Widgets, top to bottom. Each element is a band starting at the left edge below the previous one; an array is a
   * `Row` that wraps at 24 columns. Widgets with `x`/`y` stay where they are and the bands flow around them.
   * @default - no widgets
   */
  readonly widgets?: readonly WidgetBand[];
  /**
   * Region of every widget that sets none.
   * @default - none: each metric and log widget must set its own `region`
   */
  readonly region?: string;
  /**
   * Default time range start: relative (`-PT3H`, `-P7D`) or ISO-8601. Not with `defaultInterval`.
   * @default - the console's default (3 hours)
   */
  readonly start?: string;
  /**
   * Default time range as a length ending now, e.g. `Duration.days(7)` (written as `start: "-P7D"`). Not with `start`.
   * @default - the console's default (3 hours)
   */
  readonly defaultInterval?: Duration;
  /**
   * Default time range end, ISO-8601; needs `start`.
   * @default - now
   */
  readonly end?: string;
  /**
   * `auto`: graph periods follow the time range; `inherit`: each graph keeps its own period.
   * @default - CloudWatch's default (`auto`)
   */
  readonly periodOverride?: 'auto' | 'inherit';
  /**
   * Variables shown above the widgets (up to 25).
   * @default - none
   */
  readonly variables?: readonly DashboardVariable[];
  /**
   * `grid`: cwdash gives every widget x/y (bands top to bottom); `cloudwatch`: widgets without `x`/`y` are written
   * without a position and CloudWatch places them.
   * @default 'grid'
   */
  readonly placement?: 'grid' | 'cloudwatch';
}

const DASHBOARD_KEYS = propKeys<DashboardProps>({ dashboardName: true, widgets: true, region: true, start: true, defaultInterval: true, end: true, periodOverride: true, variables: true, placement: true });

export class Dashboard {
  private readonly bands: IWidget[] = [];
  private readonly variables: DashboardVariable[] = [];

  constructor(readonly props: DashboardProps) {
    checkProps('Dashboard', props, DASHBOARD_KEYS);
    for (const band of props.widgets ?? []) this.bands.push(isWidgetArray(band) ? new Row(...band) : band);
    this.variables.push(...(props.variables ?? []));
  }

  get dashboardName(): string {
    return this.props.dashboardName;
  }

  /** Adds one band: the widget, or a Row of the widgets when several are given (as CDK's `addWidgets`). */
  addWidgets(...widgets: IWidget[]): this {
    if (widgets.length > 0) this.bands.push(widgets.length === 1 ? widgets[0]! : new Row(...widgets));
    return this;
  }

  addVariable(variable: DashboardVariable): this {
    this.variables.push(variable);
    return this;
  }

  /**
   * The DashboardBody object; `renderDashboardBody` turns it into the text `build` writes.
   * @param defaults.region region of widgets when neither they nor the dashboard set one (the project's region)
   */
  toBody(defaults: { readonly region?: string | undefined } = {}): DashboardBody {
    const context = { region: this.props.region ?? defaults.region };
    const widgets: WidgetJson[] =
      this.props.placement === 'cloudwatch'
        ? this.bands.flatMap((band) => band.renderAt(undefined, context))
        : placeBands(this.bands).flatMap(({ band, position }) => band.renderAt(position, context));
    if (this.props.start !== undefined && this.props.defaultInterval !== undefined) {
      throw new InputError(`dashboard "${this.dashboardName}" sets both start and defaultInterval`, {
        fix: 'keep one: defaultInterval is a shorter way to write a relative start',
      });
    }
    return definedOnly({
      start: this.props.start ?? this.props.defaultInterval?.toRelativeStart(),
      end: this.props.end,
      periodOverride: this.props.periodOverride,
      widgets,
      variables: this.variables.length === 0 ? undefined : this.variables.map((variable) => variable.toJson()),
    });
  }
}

function isWidgetArray(band: WidgetBand): band is readonly IWidget[] {
  return Array.isArray(band);
}
