/**
 * Grafana template variables as a linter must read them (docs/sources.md#usage): what values a `$var`, `${var}`,
 * `${var:fmt}`, `${var.path}`, `[[var]]` or `[[var:fmt]]` can take when someone opens the dashboard. Values written in
 * the file (custom and constant variables, query variables that never refresh) are used as they are; values a query
 * fetches at view time, free text, and `All` with a custom all value such as `*` are "any value", and the evidence
 * says so. The saved `current` selection is one user's choice and is never taken as the only value.
 */
import type { VariableModel } from '@grafana/schema';
import { asRecord } from '../../shared/json.js';

export interface VariableValues {
  readonly name: string;
  /** `null`: any value. */
  readonly values: readonly string[] | null;
  readonly multi: boolean;
  /** Why the values are what they are, for the evidence. */
  readonly note: string;
}

export interface Interpolated {
  /** Every text the template can become; an open variable is replaced by `placeholder`. */
  readonly texts: readonly string[];
  /** True when some variable in the text takes any value (its place holds the placeholder). */
  readonly open: boolean;
  readonly notes: readonly string[];
}

/** Past this many combinations the text is read as "any value" rather than listed. */
const MAX_COMBINATIONS = 64;

/** `$name`, `[[name]]`, `[[name:fmt]]`, `${name}`, `${name.path}`, `${name:fmt}` (Grafana's own variable syntax). */
const REFERENCE = /\$(\w+)|\[\[(\w+?)(?::\w+)?\]\]|\$\{(\w+)(?:\.[^:}]+)?(?::[^}]+)?\}/g;

type VariableKey = keyof VariableModel | 'options' | 'definition';

export class GrafanaVariables {
  private readonly byName = new Map<string, VariableValues>();

  constructor(list: unknown) {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      const variable = asRecord(item);
      const name = field(variable, 'name');
      if (typeof name === 'string' && name !== '') this.byName.set(name, variableValues(name, variable!));
    }
  }

  get(name: string): VariableValues | undefined {
    return this.byName.get(name);
  }

  /** The variable a text is exactly a reference to (`"$instance"`), if it is one. */
  soleReference(text: string): VariableValues | undefined {
    const match = new RegExp(`^(?:${REFERENCE.source})$`).exec(text.trim());
    const name = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
    return name === undefined ? undefined : this.byName.get(name);
  }

  /** Every text `template` can become; macros (`$__interval`) and unknown names stay as written, as Grafana leaves them. */
  interpolate(template: string, placeholder = '*'): Interpolated {
    let texts = [''];
    let open = false;
    const notes: string[] = [];
    let last = 0;
    for (const match of template.matchAll(REFERENCE)) {
      const name = match[1] ?? match[2] ?? match[3]!;
      const variable = name.startsWith('__') ? undefined : this.byName.get(name);
      const literal = template.slice(last, match.index);
      last = match.index + match[0].length;
      if (variable === undefined) {
        texts = texts.map((text) => text + literal + match[0]);
        continue;
      }
      if (!notes.includes(variable.note)) notes.push(variable.note);
      const values = variable.values;
      if (values === null || values.length === 0 || texts.length * values.length > MAX_COMBINATIONS) {
        open = true;
        texts = texts.map((text) => text + literal + placeholder);
      } else {
        texts = texts.flatMap((text) => values.map((value) => text + literal + value));
      }
    }
    texts = [...new Set(texts.map((text) => text + template.slice(last)))];
    return { texts, open, notes };
  }
}

function variableValues(name: string, variable: Record<string, unknown>): VariableValues {
  const type = field(variable, 'type');
  const multi = field(variable, 'multi') === true;
  const definition = String(field(variable, 'definition') || JSON.stringify(field(variable, 'query') ?? ''));
  const options = optionValues(field(variable, 'options'));
  const any = (why: string): VariableValues => ({ name, values: null, multi, note: `$${name}: any value (${why})` });
  const listed = (values: readonly string[], from: string): VariableValues =>
    values.length === 0 ? any(`no values in the file`) : { name, values, multi, note: `$${name}: ${values.join(', ')} (${from})` };
  const allValue = field(variable, 'allValue');
  if (field(variable, 'includeAll') === true && typeof allValue === 'string' && allValue !== '') {
    return any(`All is ${JSON.stringify(allValue)}`);
  }
  switch (type) {
    case 'custom': {
      const query = field(variable, 'query');
      return listed(options.length > 0 ? options : typeof query === 'string' ? customValues(query) : [], 'custom values in the file');
    }
    case 'constant': {
      const query = field(variable, 'query');
      return typeof query === 'string' ? listed([query], 'constant') : any('constant without a value');
    }
    case 'textbox':
      return any('free text');
    case 'query': {
      // Refresh 0 (never) keeps the options saved in the file; any other setting queries CloudWatch when viewed.
      const refresh = field(variable, 'refresh');
      if ((refresh === 0 || refresh === undefined) && options.length > 0) return listed(options, 'saved options, never refreshed');
      return any(`${definition} is queried when the dashboard is viewed`);
    }
    default:
      return any(`a ${String(type ?? 'untyped')} variable`);
  }
}

/** Grafana's custom variable: comma-separated, `\,` escapes a comma, `text : value` keeps the value. */
function customValues(query: string): string[] {
  const parts = query.match(/(?:\\,|[^,])+/g) ?? [];
  return parts.map((part) => {
    const text = part.replace(/\\,/g, ',').trim();
    const pair = /^(.*?)\s+:\s+(.*)$/.exec(text);
    return pair ? pair[2]! : text;
  });
}

function optionValues(options: unknown): string[] {
  if (!Array.isArray(options)) return [];
  const values: string[] = [];
  for (const option of options) {
    const value = asRecord(option)?.value;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' && item !== '$__all' && !values.includes(item)) values.push(item);
    }
  }
  return values;
}

/** A variable field by the name Grafana's schema gives it (checked at compile time). */
function field(variable: Record<string, unknown> | undefined, key: VariableKey): unknown {
  return variable?.[key];
}
