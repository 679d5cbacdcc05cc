/** `AlarmStatusWidget`: a grid of alarms and their states. */
import type { AlarmStatusWidgetProperties, WidgetJson } from '../body/schema.js';
import { definedOnly } from './private/options.js';
import { ConcreteWidget, type WidgetPlacementProps } from './widget.js';
import { checkProps, PLACEMENT_KEYS, propKeys } from './private/check-props.js';

export type AlarmState = 'ALARM' | 'INSUFFICIENT_DATA' | 'OK';

export interface AlarmStatusWidgetProps extends WidgetPlacementProps {
  /** ARNs of the alarms to show, 1 to 100. */
  readonly alarmArns: readonly string[];
  /** @default - no title */
  readonly title?: string;
  /**
   * `default` sorts alphabetically; `stateUpdatedTimestamp` puts the most recent change first; `timestamp` too, by any update.
   * @default 'default'
   */
  readonly sortBy?: 'default' | 'stateUpdatedTimestamp' | 'timestamp';
  /**
   * Show only alarms in these states.
   * @default - all states
   */
  readonly states?: readonly AlarmState[];
}

const ALARM_STATUS_WIDGET_KEYS = propKeys<AlarmStatusWidgetProps>({ ...PLACEMENT_KEYS, alarmArns: true, title: true, sortBy: true, states: true });

export class AlarmStatusWidget extends ConcreteWidget {
  constructor(readonly props: AlarmStatusWidgetProps) {
    checkProps('AlarmStatusWidget', props, ALARM_STATUS_WIDGET_KEYS);
    super(props, 6, 3);
  }

  protected toJson(): WidgetJson {
    const props = this.props;
    const properties: AlarmStatusWidgetProperties = definedOnly({
      title: props.title,
      alarms: [...props.alarmArns],
      sortBy: props.sortBy,
      states: props.states && [...props.states],
    });
    return { type: 'alarm', properties };
  }
}
