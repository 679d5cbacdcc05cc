/**
 * Grid placement of a dashboard's bands: pinned widgets (given x/y) stay put; every other band starts at x=0 below
 * the previous band, moved further down while it would overlap a pinned widget. Nothing overlaps, nothing leaves
 * the grid (a band is at most 24 wide, since Rows wrap).
 */
import type { GridPosition, IWidget } from '../widget.js';

export interface PlacedBand {
  readonly band: IWidget;
  /** Undefined for pinned widgets: they render at their own position. */
  readonly position: GridPosition | undefined;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function placeBands(bands: readonly IWidget[]): PlacedBand[] {
  const pinned: Box[] = [];
  for (const band of bands) if (band.pinnedPosition) pinned.push({ ...band.pinnedPosition, width: band.width, height: band.height });
  let cursor = 0;
  return bands.map((band) => {
    if (band.pinnedPosition) return { band, position: undefined };
    let y = cursor;
    for (let blocker = firstOverlap(pinned, band, y); blocker; blocker = firstOverlap(pinned, band, y)) {
      y = blocker.y + blocker.height;
    }
    cursor = y + band.height;
    return { band, position: { x: 0, y } };
  });
}

function firstOverlap(pinned: readonly Box[], band: IWidget, y: number): Box | undefined {
  return pinned.find((box) => box.x < band.width && 0 < box.x + box.width && box.y < y + band.height && y < box.y + box.height);
}
