/**
 * The widget contract and the base every concrete widget extends. Widgets render themselves to `WidgetJson`; where
 * they go on the 24-column grid is decided by the layout containers and the dashboard, which pass a position in.
 */
import type { WidgetJson } from '../body/schema.js';
import { PendingCallSite, recordOrigin } from './private/call-site.js';

export { GRID_WIDTH } from '../body/validate-widget.js';

/** What a widget may inherit from its dashboard when rendering. */
export interface RenderContext {
  /** The dashboard's default region, for widgets that set none. */
  readonly region: string | undefined;
}

export interface GridPosition {
  readonly x: number;
  readonly y: number;
}

/** Anything that takes space on the grid: a widget, a Row, a Column or a Spacer. */
export interface IWidget {
  /** Width in grid columns (1-24). */
  readonly width: number;
  /** Height in grid rows. */
  readonly height: number;
  /** The position the user pinned this widget to, if any; the dashboard places everything else around it. */
  readonly pinnedPosition: GridPosition | undefined;
  /**
   * The widget JSON with its top-left corner at `position`; `undefined` leaves x/y out so CloudWatch places it.
   * Containers return their children's JSON.
   */
  renderAt(position: GridPosition | undefined, context: RenderContext): WidgetJson[];
}

/** Size and position options every widget accepts. */
export interface WidgetPlacementProps {
  /**
   * Width in grid columns, 1-24.
   * @default - depends on the widget (6 for most)
   */
  readonly width?: number;
  /**
   * Height in grid rows, 1-1000.
   * @default - depends on the widget (6 for graphs, 3 for single values and alarm status, 2 for text)
   */
  readonly height?: number;
  /**
   * Column of the left edge, 0-23; give `y` too. A pinned widget keeps its place and the others flow around it.
   * @default - placed by the dashboard's layout
   */
  readonly x?: number;
  /**
   * Row of the top edge, 0 or more; give `x` too.
   * @default - placed by the dashboard's layout
   */
  readonly y?: number;
}

/** A single widget of one `type`. Subclasses supply the properties object. */
export abstract class ConcreteWidget implements IWidget {
  readonly width: number;
  readonly height: number;
  readonly pinnedPosition: GridPosition | undefined;
  private readonly origin: PendingCallSite | undefined;

  protected constructor(
    private readonly placement: WidgetPlacementProps,
    defaultWidth: number,
    defaultHeight: number,
  ) {
    this.origin = PendingCallSite.capture(new.target);
    this.width = placement.width ?? defaultWidth;
    this.height = placement.height ?? defaultHeight;
    // Half a position (x without y) is kept as given, so the validator reports it instead of cwdash guessing.
    this.pinnedPosition = placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : undefined;
  }

  /** The widget's `type` and `properties`; position and size are added by `renderAt`. */
  protected abstract toJson(context: RenderContext): Pick<WidgetJson, 'type' | 'properties'>;

  renderAt(position: GridPosition | undefined, context: RenderContext): WidgetJson[] {
    const json = this.toJson(context);
    const { x, y } = this.pinnedPosition ?? position ?? { x: this.placement.x, y: this.placement.y };
    // Envelope keys in the body's order; x/y stay undefined (and are not written) when CloudWatch places the widget.
    const rendered = { type: json.type, x, y, width: this.width, height: this.height, properties: json.properties } as WidgetJson;
    recordOrigin(rendered, this.origin);
    return [rendered];
  }
}
