/**
 * Dashboard variables: a dropdown, radio buttons or a text box at the top of the dashboard that changes a widget
 * property (`region`, a dimension such as `InstanceId`) or replaces a pattern across the whole body.
 */
import type { VariableJson } from '../body/schema.js';
import { definedOnly } from './private/options.js';
import { checkProps, propKeys } from './private/check-props.js';

export type VariableValue = string | number | boolean;

interface VariableCommonProps {
  /** Id used in the dashboard URL: up to 32 characters of `0-9 A-Z a-z - _`. */
  readonly id: string;
  /**
   * `select` (dropdown), `radio` (buttons) or `input` (free text).
   */
  readonly inputType: 'input' | 'select' | 'radio';
  /**
   * Label shown next to the control, up to 30 characters.
   * @default - the property name, or `pattern_N`
   */
  readonly label?: string;
  /**
   * Value selected when the dashboard opens; `__FIRST` picks the first search result.
   * @default - the first value
   */
  readonly defaultValue?: VariableValue;
  /**
   * Show the control.
   * @default true
   */
  readonly visible?: boolean;
  /**
   * The choices of a `select` or `radio` variable (1 to 500).
   * @default - none (give `valuesFromSearch` instead, or use `input`)
   */
  readonly values?: readonly { readonly value: VariableValue; readonly label?: string }[];
  /**
   * Fill the choices from a metric search: `{search: '{AWS/EC2,InstanceId} MetricName="CPUUtilization"', populateFrom: 'InstanceId'}`.
   * @default - none
   */
  readonly valuesFromSearch?: { readonly search: string; readonly populateFrom: string };
}

export type DashboardVariableProps =
  | (VariableCommonProps & {
      /** `property`: change a widget property or a dimension's value. */
      readonly type: 'property';
      /** Widget property (`region`, `accountId`) or dimension name (`InstanceId`). */
      readonly property: string;
    })
  | (VariableCommonProps & {
      /** `pattern`: replace a literal or regular expression across the whole dashboard body. */
      readonly type: 'pattern';
      /** The text (or regular expression) to replace. */
      readonly pattern: string;
    });

const DASHBOARD_VARIABLE_KEYS = propKeys<DashboardVariableProps>({
  id: true,
  inputType: true,
  label: true,
  defaultValue: true,
  visible: true,
  values: true,
  valuesFromSearch: true,
  type: true,
  property: true,
  pattern: true,
});

export class DashboardVariable {
  /**
   * `valuesFromSearch` for the values of one dimension of a metric:
   * `DashboardVariable.searchFor({ namespace: 'AWS/EC2', dimensions: ['InstanceId'], metricName: 'CPUUtilization', populateFrom: 'InstanceId' })`
   * gives `{ search: '{AWS/EC2,InstanceId} MetricName="CPUUtilization"', populateFrom: 'InstanceId' }`.
   */
  static searchFor(components: {
    readonly namespace: string;
    readonly dimensions: readonly string[];
    readonly metricName: string;
    /** One of `dimensions`: the dimension whose values become the choices. */
    readonly populateFrom: string;
  }): { readonly search: string; readonly populateFrom: string } {
    return {
      search: `{${[components.namespace, ...components.dimensions].join(',')}} MetricName="${components.metricName}"`,
      populateFrom: components.populateFrom,
    };
  }

  constructor(readonly props: DashboardVariableProps) {
    checkProps('DashboardVariable', props, DASHBOARD_VARIABLE_KEYS);
  }

  toJson(): VariableJson {
    const props = this.props;
    return definedOnly({
      type: props.type,
      property: props.type === 'property' ? props.property : undefined,
      pattern: props.type === 'pattern' ? props.pattern : undefined,
      inputType: props.inputType,
      id: props.id,
      label: props.label,
      defaultValue: props.defaultValue,
      visible: props.visible,
      values: props.values?.map((value) => definedOnly({ ...value })),
      search: props.valuesFromSearch?.search,
      populateFrom: props.valuesFromSearch?.populateFrom,
    });
  }
}
