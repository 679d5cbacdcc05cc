/**
 * awsemf `metric_declarations` (docs/sources.md#awsemf): config-time validation (`init`), name selectors, label matchers and
 * dimension extraction, as the exporter's metric_declaration.go does them. Exported one function per rule because
 * the Container Insights prediction and the cost linter's generated declarations reuse exactly these.
 */
import { InputError } from '../../shared/errors.js';
import type { ConfigLocation, LabelMatcher, MetricDeclaration } from '../../sources/collector-config/model.js';
import { GoRegexp, isGoRegexp } from '../../shared/go-regexp.js';

export type Labels = Readonly<Record<string, string>>;

/** A declaration after the exporter's validation: sets deduped and sorted, regexes compiled. */
export interface ValidDeclaration {
  readonly dimensions: readonly (readonly string[])[];
  readonly metricNameSelectors: readonly GoRegexp[];
  readonly labelMatchers: readonly ValidLabelMatcher[];
  readonly source: MetricDeclaration;
}

export interface ValidLabelMatcher {
  readonly labelNames: readonly string[];
  readonly separator: string;
  readonly regex: GoRegexp;
}

export interface DeclarationProblem {
  readonly message: string;
  readonly location?: ConfigLocation | undefined;
}

/** Max names in one declared dimension set; larger sets are dropped with a warning. */
export const MAX_DECLARED_DIMENSIONS = 10;

export interface InitOptions {
  /** OLD collectors panic at start-up on an invalid label-matcher regex; NEW drop the declaration. */
  readonly invalidMatcherIsFatal: boolean;
}

/**
 * Validates declarations like the exporter's Config.Validate: a declaration with no selectors or a bad label matcher
 * is dropped (warning); an invalid selector regex stops the collector (error: MustCompile panics).
 */
export function initDeclarations(
  declarations: readonly MetricDeclaration[],
  options: InitOptions,
): { declarations: ValidDeclaration[]; warnings: DeclarationProblem[] } {
  const warnings: DeclarationProblem[] = [];
  const valid: ValidDeclaration[] = [];
  for (const declaration of declarations) {
    const result = initDeclaration(declaration, options);
    warnings.push(...result.warnings);
    if (result.declaration) valid.push(result.declaration);
  }
  return { declarations: valid, warnings };
}

export function initDeclaration(
  declaration: MetricDeclaration,
  options: InitOptions,
): { declaration?: ValidDeclaration; warnings: DeclarationProblem[] } {
  const where = declaration.location;
  const warnings: DeclarationProblem[] = [];
  if (declaration.metricNameSelectors.length === 0) {
    warnings.push({ message: 'invalid metric declaration: no metric name selectors defined; declaration dropped', location: where });
    return { warnings };
  }
  const seen = new Set<string>();
  const dimensions: string[][] = [];
  for (const set of declaration.dimensions) {
    if (set.length > MAX_DECLARED_DIMENSIONS) {
      warnings.push({ message: `dropped dimension set [${set.join(', ')}]: > ${MAX_DECLARED_DIMENSIONS} dimensions specified`, location: where });
      continue;
    }
    const deduped = [...new Set(set)].sort(byteOrder);
    const key = deduped.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    dimensions.push(deduped);
  }
  const metricNameSelectors = declaration.metricNameSelectors.map((selector) => {
    const regex = GoRegexp.compile(selector);
    if (!isGoRegexp(regex)) {
      throw new InputError(`invalid metric_name_selectors regex ${JSON.stringify(selector)}: ${regex.error} (the collector panics at start-up)`, {
        ...(where ? { location: where } : {}),
        fix: 'write a valid RE2 regular expression, e.g. ^http_request_duration_seconds$',
      });
    }
    return regex;
  });
  const labelMatchers: ValidLabelMatcher[] = [];
  for (const matcher of declaration.labelMatchers) {
    const problem = labelMatcherProblem(matcher);
    const regex = problem === undefined ? GoRegexp.compile(matcher.regex) : undefined;
    if (regex && isGoRegexp(regex)) {
      labelMatchers.push({ labelNames: matcher.labelNames, separator: matcher.separator || ';', regex });
      continue;
    }
    if (regex && options.invalidMatcherIsFatal) {
      throw new InputError(`invalid label_matchers regex ${JSON.stringify(matcher.regex)}: ${regex.error} (this collector version panics at start-up)`, {
        ...(where ? { location: where } : {}),
        fix: 'write a valid RE2 regular expression',
      });
    }
    const message = regex ? `invalid label_matchers regex ${JSON.stringify(matcher.regex)}: ${regex.error}` : problem!;
    warnings.push({ message: `${message}; declaration dropped`, location: where });
    return { warnings };
  }
  return { declaration: { dimensions, metricNameSelectors, labelMatchers, source: declaration }, warnings };
}

function labelMatcherProblem(matcher: LabelMatcher): string | undefined {
  if (matcher.labelNames.length === 0) return 'label matcher must have at least one label name specified';
  if (matcher.regex === '') return 'regex not specified for label matcher';
  return undefined;
}

/** Selectors are OR-ed and unanchored (Go `MatchString`): `http_request` matches `http_requests_total`. */
export function matchesName(declaration: ValidDeclaration, metricName: string): boolean {
  return declaration.metricNameSelectors.some((selector) => selector.test(metricName));
}

/** The matcher's label values joined in `label_names` order; a missing label contributes `''`. */
export function concatenatedLabels(matcher: Pick<ValidLabelMatcher, 'labelNames' | 'separator'>, labels: Labels): string {
  return matcher.labelNames.map((name) => labels[name] ?? '').join(matcher.separator || ';');
}

export function labelMatcherMatches(matcher: ValidLabelMatcher, labels: Labels): boolean {
  return matcher.regex.test(concatenatedLabels(matcher, labels));
}

/** No matchers → always; otherwise any one matching matcher is enough. */
export function matchesLabels(declaration: ValidDeclaration, labels: Labels): boolean {
  return declaration.labelMatchers.length === 0 || declaration.labelMatchers.some((matcher) => labelMatcherMatches(matcher, labels));
}

/** A declaration applies to a data point when its labels match and its selectors match the metric name. */
export function matchesDeclaration(declaration: ValidDeclaration, metricName: string, labels: Labels): boolean {
  return matchesLabels(declaration, labels) && matchesName(declaration, metricName);
}

/** The declared sets whose names all exist in `labels`. OLD collectors skip an empty declared set `[]`. */
export function extractDimensions(declaration: ValidDeclaration, labels: Labels, honourEmptySet = true): string[][] {
  return declaration.dimensions
    .filter((set) => (set.length > 0 || honourEmptySet) && set.every((name) => Object.hasOwn(labels, name)))
    .map((set) => [...set]);
}

/** Go's sort.Strings: bytewise, which for these ASCII names is UTF-16 code-unit order. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
