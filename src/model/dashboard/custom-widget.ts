/** `CustomWidget`: a widget whose content a Lambda function returns (HTML or JSON). */
import type { CustomWidgetProperties, WidgetJson } from '../body/schema.js';
import { definedOnly } from './private/options.js';
import { ConcreteWidget, type WidgetPlacementProps } from './widget.js';
import { checkProps, PLACEMENT_KEYS, propKeys } from './private/check-props.js';

export interface CustomWidgetProps extends WidgetPlacementProps {
  /** ARN of the Lambda function that renders the widget. */
  readonly functionArn: string;
  /**
   * JSON passed to the function.
   * @default - none
   */
  readonly params?: unknown;
  /** @default - no title */
  readonly title?: string;
  /**
   * When CloudWatch calls the function again; each defaults to true.
   * @default - CloudWatch's defaults (no `updateOn` key is written)
   */
  readonly updateOn?: { readonly refresh?: boolean; readonly resize?: boolean; readonly timeRange?: boolean };
}

const CUSTOM_WIDGET_KEYS = propKeys<CustomWidgetProps>({ ...PLACEMENT_KEYS, functionArn: true, params: true, title: true, updateOn: true });

export class CustomWidget extends ConcreteWidget {
  constructor(readonly props: CustomWidgetProps) {
    checkProps('CustomWidget', props, CUSTOM_WIDGET_KEYS);
    super(props, 6, 6);
  }

  protected toJson(): WidgetJson {
    const props = this.props;
    const properties: CustomWidgetProperties = definedOnly({
      endpoint: props.functionArn,
      params: props.params,
      title: props.title,
      updateOn: props.updateOn && definedOnly({ ...props.updateOn }),
    });
    return { type: 'custom', properties };
  }
}
