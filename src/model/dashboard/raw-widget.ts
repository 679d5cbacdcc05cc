/**
 * `RawWidget`: a widget given as body JSON, for what the typed widgets do not model (properties CloudWatch adds
 * before cwdash knows them, a chart query in a language other than PromQL). The importer falls back to it; it is
 * validated like any other.
 */
import type { WidgetJson } from '../body/schema.js';
import type { GridPosition, IWidget } from './widget.js';
import { PendingCallSite, recordOrigin } from './private/call-site.js';

export class RawWidget implements IWidget {
  readonly width: number;
  readonly height: number;
  readonly pinnedPosition: GridPosition | undefined;
  private readonly origin: PendingCallSite | undefined;

  /** @param json the widget as it appears in `widgets[]`; its x/y pin it, its width/height size it (default 6) */
  constructor(readonly json: WidgetJson) {
    this.origin = PendingCallSite.capture(new.target);
    this.width = json.width ?? 6;
    this.height = json.height ?? 6;
    this.pinnedPosition = json.x !== undefined && json.y !== undefined ? { x: json.x, y: json.y } : undefined;
  }

  renderAt(position: GridPosition | undefined): WidgetJson[] {
    const json = structuredClone(this.json);
    const rendered = this.pinnedPosition || position === undefined ? json : { ...json, ...position };
    recordOrigin(rendered, this.origin);
    return [rendered];
  }
}
