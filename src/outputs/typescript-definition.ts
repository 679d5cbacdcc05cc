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
import { hoistRepeatedMetrics } from './typescript-definition/hoist.js';

export interface ImportedDefinition {
  /** The TypeScript source of the definition file. */
  readonly source: string;
  /** The Dashboard that source evaluates to, for checking the round trip without running it. */
  readonly dashboard: Dashboard;
  /** Indexes of the widgets kept as `RawWidget` JSON (no typed widget reproduces them), for the user to review. */
  readonly rawWidgets: readonly number[];
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
  const { declarations, aliases } = hoistRepeatedMetrics(dashboard);
  const source =
    `// Imported from a CloudWatch dashboard body by \`cwdash import\`; \`cwdash build\` turns it back into that body.\n` +
    `${importLine(names)}\n\n` +
    (declarations === '' ? '' : `${declarations}\n\n`) +
    `export default ${printTree(dashboard, '', aliases)};\n`;
  const rawWidgets = widgets.flat().flatMap((code, index) => (code.construction?.className === 'RawWidget' ? [index] : []));
  return { source, dashboard: dashboard.value as Dashboard, rawWidgets };
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
 * No positions: CloudWatch places the widgets. Some positioned: those are pinned. All positioned: consecutive
 * widgets on one y become a band (a Row), and a widget cwdash's layout would put elsewhere keeps its x/y; a few
 * rounds settle which widgets need pinning (pinning one can move the bands after it).
 */
function layoutCode(widgets: readonly WidgetJson[], region: string | undefined): LayoutCode {
  const positioned = widgets.filter((widget) => widget.x !== undefined && widget.y !== undefined).length;
  if (positioned < widgets.length || widgets.length === 0) {
    return { widgets: widgets.map((widget) => widgetCode(widget, true, region)), placement: widgets.length === 0 ? undefined : 'cloudwatch' };
  }
  const flowing = widgets.map((widget) => widgetCode(widget, false, region));
  const pinnedCode = new Map<number, Code>();
  const wanted = widgets.map((widget) => [widget.x, widget.y]);
  for (let round = 0; round < 4; round++) {
    const entries = bands(widgets, (index) => pinnedCode.get(index) ?? flowing[index]!, pinnedCode);
    const trial = construct('Dashboard', (props) => new Dashboard(props), { dashboardName: 'layout', region, widgets: entries });
    const placed = (trial.value as Dashboard).toBody().widgets.map((widget) => [widget.x, widget.y]);
    const misplaced = wanted.flatMap((position, index) => (isDeepStrictEqual(placed[index], position) ? [] : [index]));
    if (misplaced.length === 0) return { widgets: entries, placement: undefined };
    for (const index of misplaced) pinnedCode.set(index, widgetCode(widgets[index]!, true, region));
  }
  return { widgets: widgets.map((widget) => widgetCode(widget, true, region)), placement: undefined };
}

/** Consecutive unpinned widgets sharing a y form one band; pinned widgets stand alone. */
function bands(widgets: readonly WidgetJson[], code: (index: number) => Code, pinned: ReadonlyMap<number, Code>): (Code | Code[])[] {
  const result: Code[][] = [];
  widgets.forEach((widget, index) => {
    const previous = widgets[index - 1];
    const joins = index > 0 && !pinned.has(index) && !pinned.has(index - 1) && widget.y === previous!.y;
    if (joins) result[result.length - 1]!.push(code(index));
    else result.push([code(index)]);
  });
  return result.map((band) => (band.length === 1 ? band[0]! : band));
}
