/** Dashboard variables: type/inputType combinations, the values-or-search rule, lengths and counts. */
import type { MessageCollector } from './messages.js';
import type { VariableJson } from './schema.js';

export const MAX_VARIABLES = 25;
const ID_PATTERN = /^[0-9A-Za-z_-]{1,32}$/;

export function validateVariable(variable: VariableJson, path: string, out: MessageCollector): void {
  if (!ID_PATTERN.test(variable.id)) out.error(`${path}/id`, `variable id "${variable.id}" must be 1-32 characters of 0-9 A-Z a-z - _`);
  if (variable.label !== undefined && variable.label.length > 30) {
    out.error(`${path}/label`, `variable label "${variable.label}" is longer than 30 characters`);
  }
  if (variable.type === 'property' && !variable.property) out.error(path, "Should have required property 'property'");
  if (variable.type === 'pattern' && !variable.pattern) out.error(path, "Should have required property 'pattern'");
  const hasValues = variable.values !== undefined;
  const hasSearch = variable.search !== undefined || variable.populateFrom !== undefined;
  if (variable.inputType === 'input') {
    if (hasValues) out.error(`${path}/values`, 'an input variable takes free text; drop values, or make it a select or radio variable');
    if (typeof variable.defaultValue === 'string' && variable.defaultValue.length > 255) {
      out.error(`${path}/defaultValue`, 'the default value of an input variable is at most 255 characters');
    }
    return;
  }
  if (hasValues === hasSearch) {
    out.error(path, `a ${variable.inputType} variable needs either values or both search and populateFrom (Should match exactly one schema in oneOf)`);
  }
  if (hasSearch && (variable.search === undefined || variable.populateFrom === undefined)) {
    out.error(path, `Should have required property '${variable.search === undefined ? 'search' : 'populateFrom'}'`);
  }
  if (variable.search !== undefined && variable.search.length > 2048) out.error(`${path}/search`, 'the variable search is longer than 2048 characters');
  if (variable.values) {
    if (variable.values.length === 0 || variable.values.length > 500) {
      out.error(`${path}/values`, `a variable has 1 to 500 values, found ${variable.values.length}`);
    }
    variable.values.forEach((item, index) => {
      if (String(item.value).length > 255) out.error(`${path}/values/${index}/value`, 'a variable value is at most 255 characters');
    });
    const defaultValue = variable.defaultValue;
    if (defaultValue !== undefined && !variable.values.some((item) => item.value === defaultValue)) {
      const allowed = variable.values.map((item) => JSON.stringify(item.value)).join(', ');
      out.error(`${path}/defaultValue`, `defaultValue ${JSON.stringify(defaultValue)} is not one of the values (${allowed})`);
    }
  }
}

/** Two property variables driving the same property: CloudWatch-compatible emulators reject it, so warn. */
/** @param variables one entry per variable, undefined where its shape was wrong (so indexes stay the body's). */
export function checkDuplicateProperties(variables: readonly (VariableJson | undefined)[], out: MessageCollector): void {
  const seen = new Map<string, number>();
  variables.forEach((variable, index) => {
    if (variable?.type !== 'property' || variable.property === undefined) return;
    const first = seen.get(variable.property);
    if (first === undefined) seen.set(variable.property, index);
    else out.warning(`/variables/${index}/property`, `property "${variable.property}" is already driven by variable ${first}; merge the two variables`);
  });
  const ids = new Set<string>();
  variables.forEach((variable, index) => {
    if (variable === undefined) return;
    if (ids.has(variable.id)) out.error(`/variables/${index}/id`, `variable id "${variable.id}" is used twice; ids must be unique`);
    ids.add(variable.id);
  });
}
