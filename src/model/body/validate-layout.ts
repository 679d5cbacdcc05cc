/** Widgets with explicit positions must not overlap (a lint warning: CloudWatch itself does not reject it). */
import type { MessageCollector } from './messages.js';
import type { WidgetJson } from './schema.js';

interface Box {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function checkOverlaps(widgets: readonly (WidgetJson | undefined)[], out: MessageCollector): void {
  const boxes: Box[] = [];
  widgets.forEach((widget, index) => {
    if (widget?.x === undefined || widget.y === undefined) return;
    boxes.push({ index, x: widget.x, y: widget.y, width: widget.width ?? 6, height: widget.height ?? 6 });
  });
  // Sorting by top edge lets each box stop comparing once the others start below its bottom edge.
  boxes.sort((a, b) => a.y - b.y || a.index - b.index);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.y < a.y + a.height; j++) {
      const b = boxes[j]!;
      if (b.x < a.x + a.width && a.x < b.x + b.width) {
        const [first, second] = a.index < b.index ? [a, b] : [b, a];
        out.warning(
          `/widgets/${second.index}`,
          `widget ${second.index} (x=${second.x}, y=${second.y}, ${second.width}x${second.height}) overlaps widget ${first.index} ` +
            `(x=${first.x}, y=${first.y}, ${first.width}x${first.height}); move one of them or let cwdash place it`,
        );
      }
    }
  }
}
