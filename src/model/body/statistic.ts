/**
 * The statistic grammar of CloudWatch (`Average`, `p99`, `tm90`, `TM(10%:90%)`, `PR(10:20)`, ...), used to check the
 * `stat` of rows and widgets and to write statistics in their canonical spelling.
 */

export const SIMPLE_STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum', 'IQM'] as const;
export type SimpleStatistic = (typeof SIMPLE_STATISTICS)[number];

/** Lower-case aliases CDK also accepts; cwdash writes only the canonical names. */
const SIMPLE_ALIASES: Readonly<Record<string, SimpleStatistic>> = {
  samplecount: 'SampleCount',
  n: 'SampleCount',
  average: 'Average',
  avg: 'Average',
  sum: 'Sum',
  minimum: 'Minimum',
  min: 'Minimum',
  maximum: 'Maximum',
  max: 'Maximum',
  iqm: 'IQM',
};

const SINGLE_PARAMETER = /^(p|tm|wm|tc|ts)(\d{1,3}(?:\.\d+)?)$/i;
const TWO_PARAMETERS = /^(tm|wm|tc|ts|pr)\(([^:()]*):([^:()]*)\)$/i;
const BOUND = /^(\d+(?:\.\d+)?)(%?)$/;

export type StatisticCheck = { readonly ok: true; readonly canonical: string } | { readonly ok: false; readonly reason: string };

/** Checks by statistic: a project uses a handful, on every metric row (rendered and validated). */
const checked = new Map<string, StatisticCheck>();
const MAX_CHECKED = 1_000;

/** Parses a statistic; `canonical` is the spelling CloudWatch documents (`p99`, `TM(10%:90%)`, `Average`). */
export function checkStatistic(stat: string): StatisticCheck {
  let check = checked.get(stat);
  if (check === undefined) {
    if (checked.size >= MAX_CHECKED) checked.clear();
    checked.set(stat, (check = parseStatistic(stat)));
  }
  return check;
}

function parseStatistic(stat: string): StatisticCheck {
  const simple = SIMPLE_ALIASES[stat.toLowerCase()];
  if (simple) return { ok: true, canonical: simple };

  const single = SINGLE_PARAMETER.exec(stat);
  if (single) {
    const value = Number(single[2]);
    if (value > 100) return { ok: false, reason: `the percentage in "${stat}" must be between 0 and 100` };
    return { ok: true, canonical: `${single[1]!.toLowerCase()}${single[2]}` };
  }

  const pair = TWO_PARAMETERS.exec(stat);
  if (pair) return checkBounds(stat, pair[1]!.toUpperCase(), pair[2]!, pair[3]!);

  return {
    ok: false,
    reason:
      `"${stat}" is not a CloudWatch statistic; use SampleCount, Average, Sum, Minimum, Maximum, IQM, ` +
      'pNN, tmNN, wmNN, tcNN, tsNN, or TM/WM/TC/TS/PR(lower:upper)',
  };
}

function checkBounds(stat: string, prefix: string, lowerText: string, upperText: string): StatisticCheck {
  if (lowerText === '' && upperText === '') return { ok: false, reason: `"${stat}" needs at least one bound` };
  const bounds = [lowerText, upperText].filter((text) => text !== '').map((text) => BOUND.exec(text));
  if (bounds.some((bound) => bound === null)) {
    return { ok: false, reason: `the bounds of "${stat}" must be numbers, optionally followed by %` };
  }
  const percent = bounds.map((bound) => bound![2] === '%');
  if (percent.some((p) => p !== percent[0])) {
    return { ok: false, reason: `the bounds of "${stat}" must both be percentages or both be absolute values` };
  }
  if (prefix === 'PR' && percent[0]) return { ok: false, reason: `PR(...) takes absolute values, not percentages: "${stat}"` };
  if (percent[0] && bounds.some((bound) => Number(bound![1]) > 100)) {
    return { ok: false, reason: `a percentage bound of "${stat}" is above 100%` };
  }
  const values = bounds.map((bound) => Number(bound![1]));
  if (values.length === 2 && values[0]! > values[1]!) {
    return { ok: false, reason: `the lower bound of "${stat}" is above its upper bound` };
  }
  return { ok: true, canonical: `${prefix}(${lowerText}:${upperText})` };
}

/** The canonical spelling of a statistic the grammar accepts (`avg` → `Average`); others unchanged, for the validator. */
export function canonicalStatistic(stat: string): string;
export function canonicalStatistic(stat: string | undefined): string | undefined;
export function canonicalStatistic(stat: string | undefined): string | undefined {
  if (stat === undefined) return undefined;
  const check = checkStatistic(stat);
  return check.ok ? check.canonical : stat;
}

/** A validation problem with a statistic: an error when it does not parse, a warning when it is not spelled canonically. */
export function statisticProblem(stat: string): { readonly severity: 'error' | 'warning'; readonly message: string } | undefined {
  const check = checkStatistic(stat);
  if (!check.ok) return { severity: 'error', message: check.reason };
  if (check.canonical !== stat) return { severity: 'warning', message: `write the statistic "${stat}" as "${check.canonical}", the spelling CloudWatch documents` };
  return undefined;
}
