/**
 * Rule files (`rules/default.yaml`, a user's `--rules FILE`), validated with zod. The built-in rules have fixed ids
 * and typed parameters; a user file is merged over the default rule by rule, so it only lists what it changes.
 * Custom rules are built from one documented condition: select metrics (namespace / name regex, a dimension, unread
 * only) and fire when their count or monthly cost passes a limit.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError } from '../../shared/errors.js';
import { loadYamlFile } from '../../shared/yaml-file.js';
import { GoRegexp, isGoRegexp } from '../../shared/go-regexp.js';

export const DEFAULT_RULES_FILE = fileURLToPath(new URL('../../../rules/default.yaml', import.meta.url));

const severitySchema = z.enum(['error', 'warning', 'note']);
const ruleBase = { severity: severitySchema, description: z.string().min(1), enabled: z.boolean().default(true) };
const rule = <P extends z.ZodRawShape>(params: P) => z.object({ ...ruleBase, params: z.object(params).strict() }).strict();

const builtinSchemas = {
  'unused-metric': rule({ minMonthlyUSD: z.number().nonnegative() }),
  'read-only-by-wildcard': rule({}),
  'high-cardinality-dimension': rule({ maxDistinctValues: z.number().int().positive(), unbounded: z.array(z.string()) }),
  'rollup-duplicates': rule({ minMetrics: z.number().int().positive() }),
  'resource-attribute-dimension': rule({ attributes: z.array(z.string().min(1)) }),
  'dashboard-missing-metric': rule({}),
  'dashboard-over-free-tier': rule({ freeDashboards: z.number().int().nonnegative(), maxMetricsPerFreeDashboard: z.number().int().positive() }),
  budget: rule({ limitUSD: z.number().nonnegative().nullable() }),
};

export type BuiltinRuleId = keyof typeof builtinSchemas;
export const BUILTIN_RULE_IDS = Object.keys(builtinSchemas) as BuiltinRuleId[];
export type BuiltinRules = { readonly [K in BuiltinRuleId]: z.infer<(typeof builtinSchemas)[K]> };

/** An RE2 (Go) regular expression, as the collector's own selectors are; Go's message when it does not compile. */
const regexString = z.string().superRefine((value, context) => {
  const compiled = GoRegexp.compile(value);
  if (!isGoRegexp(compiled)) context.addIssue({ code: 'custom', message: `not a valid RE2 regular expression: ${compiled.error}` });
});

export const metricSelectorSchema = z
  .object({
    /** Regex over the namespace (unanchored, like awsemf selectors: use ^...$ for exact). */
    namespace: regexString.optional(),
    metricName: regexString.optional(),
    /** Only metrics that carry this dimension. */
    dimension: z.string().min(1).optional(),
    /** Only metrics nothing reads. */
    unread: z.boolean().optional(),
  })
  .strict();

const customRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'rule ids are lower-case words joined by -'),
    severity: severitySchema,
    description: z.string().min(1),
    enabled: z.boolean().default(true),
    select: metricSelectorSchema,
    /** Fire when more metrics than this are selected. */
    maxMetrics: z.number().int().nonnegative().optional(),
    /** Fire when the selected metrics cost more than this per month. */
    maxMonthlyUSD: z.number().nonnegative().optional(),
    fix: z.string().min(1).optional(),
  })
  .strict()
  .refine((value) => value.maxMetrics !== undefined || value.maxMonthlyUSD !== undefined, 'a custom rule needs maxMetrics or maxMonthlyUSD');

export type CustomRule = z.infer<typeof customRuleSchema>;
export type MetricSelector = z.infer<typeof metricSelectorSchema>;

/** The full default file: every built-in rule present. */
const defaultFileSchema = z.object({ version: z.literal(1), rules: z.object(builtinSchemas).strict(), custom: z.array(customRuleSchema) }).strict();

/** A user file: any subset of rules, each with any subset of fields. */
const overrideFileSchema = z
  .object({
    version: z.literal(1),
    rules: z
      .object(
        Object.fromEntries(
          Object.entries(builtinSchemas).map(([id, schema]) => [
            id,
            schema.extend({ params: schema.shape.params.partial() }).partial().optional(),
          ]),
        ),
      )
      .strict()
      .optional(),
    custom: z.array(customRuleSchema).optional(),
  })
  .strict();

const YAML_OPTIONS = { what: 'rules file', fix: 'see rules/default.yaml and the README section "Rules" for the format' };

export interface RuleSet {
  readonly files: readonly string[];
  readonly builtin: BuiltinRules;
  readonly custom: readonly CustomRule[];
}

/** The default rules, with `userFile` (if any) merged over them. */
export async function loadRuleSet(userFile?: string): Promise<RuleSet> {
  const defaults = (await loadYamlFile(DEFAULT_RULES_FILE, defaultFileSchema, YAML_OPTIONS)).value;
  if (userFile === undefined) return { files: [DEFAULT_RULES_FILE], builtin: defaults.rules, custom: defaults.custom };
  const user = (await loadYamlFile(userFile, overrideFileSchema, YAML_OPTIONS)).value;
  const builtin = { ...defaults.rules } as Record<string, Record<string, unknown>>;
  for (const [id, override] of Object.entries(user.rules ?? {})) {
    if (!override) continue;
    const base = builtin[id]!;
    builtin[id] = { ...base, ...override, params: { ...(base.params as object), ...(override.params as object | undefined) } };
  }
  const custom = [...defaults.custom, ...(user.custom ?? [])];
  const ids = new Set<string>(BUILTIN_RULE_IDS);
  for (const [index, entry] of custom.entries()) {
    if (ids.has(entry.id)) {
      throw new InputError(`rule id "${entry.id}" is used twice`, {
        location: { file: userFile, path: `custom.${index}.id` },
        fix: 'give each custom rule its own id; change a built-in rule under `rules:` instead',
      });
    }
    ids.add(entry.id);
  }
  return { files: [DEFAULT_RULES_FILE, userFile], builtin: builtin as unknown as BuiltinRules, custom };
}
