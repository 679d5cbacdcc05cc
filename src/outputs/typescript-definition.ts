/**
 * The importer's output: a DashboardBody (from the console's source view or `aws cloudwatch get-dashboard`) as an
 * idiomatic TypeScript definition that builds back to the same body. Widgets become typed widgets (or a RawWidget
 * where no typed widget reproduces them), metric math gets `usingMetrics`, and positions become bands when cwdash's
 * layout gives the same x/y, explicit `x`/`y` otherwise.
 */
import { isDeepStrictEqual } from 'node:util';
import type { DashboardBody, WidgetJson } from '../model/body/schema.js';
import { Dashboard } from '../model/dashboard/dashboard.js';
import { DashboardVariable } from '../model/dashboard/variable.js';
import { compareStrings } from '../shared/json.js';
import { construct, importsOf, printTree, type Code } from './typescript-definition/code.js';
import { sharedRegion, widgetCode } from './typescript-definition/widgets.js';

export interface ImportedDefinition {
  /** The TypeScript source of the definition file. */
  readonly source: string;
  /** The Dashboard that source evaluates to, for checking the round trip without running it. */
  readonly dashboard: Dashboard;
}

export function renderTypeScriptDefinition(body: DashboardBody, name: string): string {
  return importDashboard(body, name).source;
}

export function importDashboard(body: DashboardBody, name: string): ImportedDefinition {
  const region = sharedRegion(body.widgets);
  const { widgets, placement } = layoutCode(body.widgets, region);
  const variables = body.variables?.map((variable) => {
    const { values, search, populateFrom, ...rest } = variable;
    return construct('DashboardVariable', (props) => new DashboardVariable(props), {
      ...rest,
      values,
      valuesFromSearch: search === undefined && populateFrom === undefined ? undefined : { search, populateFrom },
    });
  });
  const dashboard = construct('Dashboard', (props) => new Dashboard(props), {
    dashboardName: name,
    region,
    start: body.start,
    end: body.end,
    periodOverride: body.periodOverride,
    placement,
    variables,
    widgets,
  });
  const names = [...new Set(importsOf(dashboard))].sort(compareStrings);
  const source =
    `// Imported from a CloudWatch dashboard body by \`cwdash import\`; \`cwdash build\` turns it back into that body.\n` +
    `${importLine(names)}\n\n` +
    `export default ${printTree(dashboard, '')};\n`;
  return { source, dashboard: dashboard.value as Dashboard };
}

/** One line when it fits in 120 columns, else one name per line. */
function importLine(names: readonly string[]): string {
  const line = `import { ${names.join(', ')} } from 'cwdash';`;
  return line.length <= 120 ? line : `import {\n${names.map((name) => `  ${name},`).join('\n')}\n} from 'cwdash';`;
}

interface LayoutCode {
  readonly widgets: (Code | Code[])[];
  readonly placement: 'cloudwatch' | undefined;
}

/**
 * No positions: CloudWatch places the widgets. All positioned: bands of consecutive widgets on one y, if cwdash's
 * layout puts them back on the same cells; otherwise each widget keeps its x/y. Some positioned: those are pinned.
 */
function layoutCode(widgets: readonly WidgetJson[], region: string | undefined): LayoutCode {
  const positioned = widgets.filter((widget) => widget.x !== undefined && widget.y !== undefined).length;
  if (positioned < widgets.length || widgets.length === 0) {
    return { widgets: widgets.map((widget) => widgetCode(widget, true, region)), placement: widgets.length === 0 ? undefined : 'cloudwatch' };
  }
  const bands: Code[][] = [];
  widgets.forEach((widget, index) => {
    const code = widgetCode(widget, false, region);
    if (index > 0 && widget.y === widgets[index - 1]!.y) bands[bands.length - 1]!.push(code);
    else bands.push([code]);
  });
  const banded = bands.map((band) => (band.length === 1 ? band[0]! : band));
  const trial = construct('Dashboard', (props) => new Dashboard(props), { dashboardName: 'layout', region, widgets: banded });
  const placed = (trial.value as Dashboard).toBody().widgets.map((widget) => [widget.x, widget.y]);
  if (isDeepStrictEqual(placed, widgets.map((widget) => [widget.x, widget.y]))) return { widgets: banded, placement: undefined };
  return { widgets: widgets.map((widget) => widgetCode(widget, true, region)), placement: undefined };
}
