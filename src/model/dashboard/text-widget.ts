/** `TextWidget`: Markdown text, for headings, runbook links and notes. */
import type { WidgetJson } from '../body/schema.js';
import { definedOnly } from './private/options.js';
import { ConcreteWidget, type WidgetPlacementProps } from './widget.js';
import { checkProps, PLACEMENT_KEYS, propKeys } from './private/check-props.js';

export interface TextWidgetProps extends WidgetPlacementProps {
  /** The Markdown to show. */
  readonly markdown: string;
  /**
   * `transparent` drops the widget's background, for headings.
   * @default 'solid'
   */
  readonly background?: 'solid' | 'transparent';
}

const TEXT_WIDGET_KEYS = propKeys<TextWidgetProps>({ ...PLACEMENT_KEYS, markdown: true, background: true });

export class TextWidget extends ConcreteWidget {
  constructor(readonly props: TextWidgetProps) {
    checkProps('TextWidget', props, TEXT_WIDGET_KEYS);
    super(props, 6, 2);
  }

  protected toJson(): WidgetJson {
    return { type: 'text', properties: definedOnly({ markdown: this.props.markdown, background: this.props.background }) };
  }
}
