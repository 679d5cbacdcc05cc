/**
 * Where each widget lands on CloudWatch's 24-column grid (docs/sources.md#dashboard-body): the body's x/y/width/height, with
 * CloudWatch's 6×6 default size, and widgets without a position put at the next free place, reading left to right
 * and top to bottom. Problems a reviewer should see (a widget past the right edge, two widgets overlapping) are
 * returned with the placement instead of being fixed silently.
 */
import type { WidgetJson } from '../../model/body/schema.js';
import { GRID_WIDTH } from '../../model/dashboard/widget.js';

const DEFAULT_SIZE = 6;

export interface PlacedWidget {
  readonly index: number;
  readonly widget: WidgetJson;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** No x/y in the body: CloudWatch places it; this is where the first free place is. */
  readonly autoPlaced: boolean;
  /** Human notes about the placement (past the right edge, overlapping widget N). */
  readonly notes: readonly string[];
}

export interface GridLayout {
  readonly widgets: readonly PlacedWidget[];
  /** Rows the grid needs: the lowest bottom edge. */
  readonly rows: number;
}

export function layoutWidgets(widgets: readonly WidgetJson[]): GridLayout {
  const sized = widgets.map((widget, index) => ({
    index,
    widget,
    width: clamp(widget.width ?? DEFAULT_SIZE, 1, GRID_WIDTH),
    height: Math.max(1, widget.height ?? DEFAULT_SIZE),
  }));
  const placed: PlacedWidget[] = [];
  // Positioned widgets first, so the free places left for the others are the ones CloudWatch would find.
  for (const item of sized) {
    if (item.widget.x === undefined || item.widget.y === undefined) continue;
    placed.push({ ...item, x: clamp(item.widget.x, 0, GRID_WIDTH - 1), y: Math.max(0, item.widget.y), autoPlaced: false, notes: [] });
  }
  for (const item of sized) {
    if (item.widget.x !== undefined && item.widget.y !== undefined) continue;
    const spot = firstFreeSpot(placed, item.width, item.height);
    placed.push({ ...item, ...spot, autoPlaced: true, notes: [] });
  }
  const withNotes = placed
    .sort((a, b) => a.index - b.index)
    .map((widget) => ({ ...widget, notes: notesFor(widget, placed) }));
  return { widgets: withNotes, rows: Math.max(0, ...placed.map((widget) => widget.y + widget.height)) };
}

function firstFreeSpot(placed: readonly PlacedWidget[], width: number, height: number): { x: number; y: number } {
  for (let y = 0; ; y++) {
    for (let x = 0; x + width <= GRID_WIDTH; x++) {
      if (!placed.some((other) => overlaps({ x, y, width, height }, other))) return { x, y };
    }
  }
}

function notesFor(widget: PlacedWidget, all: readonly PlacedWidget[]): string[] {
  const notes: string[] = [];
  if (widget.x + widget.width > GRID_WIDTH) notes.push(`extends past the right edge (x ${widget.x} + width ${widget.width} > ${GRID_WIDTH})`);
  for (const other of all) {
    if (other.index !== widget.index && overlaps(widget, other)) notes.push(`overlaps widget ${other.index + 1}`);
  }
  return notes;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value)));
}
