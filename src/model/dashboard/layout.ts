/**
 * Layout containers: `Row` places widgets left to right and wraps at 24 columns, `Column` stacks them, `Spacer`
 * takes room and renders nothing. Offsets are computed once, at construction, from the children's sizes.
 */
import type { WidgetJson } from '../body/schema.js';
import { GRID_WIDTH } from '../body/validate-widget.js';
import type { GridPosition, IWidget, RenderContext } from './widget.js';

/** Widgets side by side; a widget that would pass column 24 starts a new line below the tallest one so far. */
export class Row implements IWidget {
  readonly width: number;
  readonly height: number;
  readonly pinnedPosition = undefined;
  private readonly offsets: GridPosition[] = [];
  readonly widgets: readonly IWidget[];

  constructor(...widgets: IWidget[]) {
    this.widgets = widgets;
    let x = 0;
    let y = 0;
    let width = 0;
    let bottom = 0;
    for (const widget of widgets) {
      if (x + widget.width > GRID_WIDTH && x > 0) {
        x = 0;
        y = bottom;
      }
      this.offsets.push({ x, y });
      width = Math.max(width, x + widget.width);
      bottom = Math.max(bottom, y + widget.height);
      x += widget.width;
    }
    this.width = width;
    this.height = bottom;
  }

  renderAt(position: GridPosition | undefined, context: RenderContext): WidgetJson[] {
    return this.widgets.flatMap((widget, index) => widget.renderAt(offset(position, this.offsets[index]!), context));
  }
}

/** Widgets stacked top to bottom at the same x; as wide as the widest. */
export class Column implements IWidget {
  readonly width: number;
  readonly height: number;
  readonly pinnedPosition = undefined;
  readonly widgets: readonly IWidget[];

  constructor(...widgets: IWidget[]) {
    this.widgets = widgets;
    this.width = Math.max(0, ...widgets.map((widget) => widget.width));
    this.height = widgets.reduce((sum, widget) => sum + widget.height, 0);
  }

  renderAt(position: GridPosition | undefined, context: RenderContext): WidgetJson[] {
    let y = 0;
    return this.widgets.flatMap((widget) => {
      const json = widget.renderAt(offset(position, { x: 0, y }), context);
      y += widget.height;
      return json;
    });
  }
}

/** Empty room in a Row or Column. */
export class Spacer implements IWidget {
  readonly width: number;
  readonly height: number;
  readonly pinnedPosition = undefined;

  /**
   * @param size width and height in grid cells; both default to 1
   */
  constructor(size: { readonly width?: number; readonly height?: number } = {}) {
    this.width = size.width ?? 1;
    this.height = size.height ?? 1;
  }

  renderAt(): WidgetJson[] {
    return [];
  }
}

function offset(position: GridPosition | undefined, by: GridPosition): GridPosition | undefined {
  return position === undefined ? undefined : { x: position.x + by.x, y: position.y + by.y };
}
