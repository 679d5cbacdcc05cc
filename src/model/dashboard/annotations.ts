/** Horizontal (value) and vertical (time) annotations of graphs, single lines or shaded bands. */

interface AnnotationCommon {
  /** @default - no label */
  readonly label?: string;
  /** @default - CloudWatch's colour */
  readonly color?: string;
  /** @default true */
  readonly visible?: boolean;
}

/** A line across the graph at a value. */
export interface HorizontalAnnotation extends AnnotationCommon {
  readonly value: number;
  /**
   * Shade the area above or below the line.
   * @default 'none'
   */
  readonly fill?: 'above' | 'below' | 'none';
  /**
   * Axis the value is read against.
   * @default 'left'
   */
  readonly yAxis?: 'left' | 'right';
}

/** A line down the graph at a time (ISO-8601). */
export interface VerticalAnnotation extends AnnotationCommon {
  readonly value: string;
  /**
   * Shade the time before or after the line.
   * @default 'none'
   */
  readonly fill?: 'before' | 'after' | 'none';
}

/** Either a single line, or a band: two lines with the area between them shaded. */
export type HorizontalAnnotationItem = HorizontalAnnotation | readonly [HorizontalAnnotation, HorizontalAnnotation];
export type VerticalAnnotationItem = VerticalAnnotation | readonly [VerticalAnnotation, VerticalAnnotation];
