/**
 * The collectors a command analyses, mapped in one place from the flags and the project config, for `metrics` and
 * `cost-report`/`audit` alike. Pairing is explicit: `--collector config=A,scrape=S,...` names everything about one
 * collector; `--config` with `--scrape`/`--cluster-inventory` pairs by position only when there is one config (with
 * several, which file belongs to which would be a guess, so it is a usage error). A flag wins over the project
 * config's entry for the same config file, which fills in what the flags leave out. That entry is the working
 * directory's `cwdash.config.ts`, else the nearest one between the config file and the working directory that lists
 * the file (so `examples/cwdash.config.ts` describes the bundled examples wherever they are named from).
 */
import { dirname, join, resolve, sep } from 'node:path';
import { loadProjectConfig, PROJECT_CONFIG_FILE } from '../config/project-config.js';
import type { CollectorInput } from '../model/collector-input.js';
import { UsageError } from '../shared/errors.js';
import { fileExists } from '../shared/files.js';
import { displayPath } from '../shared/paths.js';

/** The collector flags of `metrics` and `cost-report`, as given. */
export interface CollectorFlags {
  /** `--collector config=...,scrape=...,inventory=...,version=...,replicas=...` (repeatable). */
  readonly collector?: readonly string[] | undefined;
  readonly config?: readonly string[] | undefined;
  readonly scrape?: readonly string[] | undefined;
  readonly scrapeUrl?: string | undefined;
  readonly scrapeFormat?: CollectorInput['scrapeFormat'];
  readonly clusterInventory?: readonly string[] | undefined;
  readonly clusterName?: string | undefined;
  readonly envFile?: string | undefined;
  readonly collectorVersion?: string | undefined;
  readonly replicas?: number | undefined;
}

export interface ProjectCollectors {
  /** The project config file, when there is one. */
  readonly file: string | undefined;
  readonly collectors: readonly CollectorInput[];
}

/**
 * The collectors the flags name, each completed from its project config entry; empty when the flags name none (the
 * caller then uses the project's collectors, or its own default).
 */
export async function collectorsFromFlags(flags: CollectorFlags, project: ProjectCollectors, cwd: string): Promise<CollectorInput[]> {
  const named = [...(flags.collector ?? []).map((spec) => parseCollectorSpec(spec, cwd)), ...pairedByPosition(flags, cwd)];
  const inputs: CollectorInput[] = [];
  for (const input of named) {
    const withFlags = withSharedFlags(input, flags, cwd);
    inputs.push(withEntry(withFlags, await projectEntryFor(withFlags.config, project, cwd)));
  }
  return inputs;
}

/** The project's own collectors, the shared flags (`--collector-version`, `--replicas`, `--env-file`) over each entry. */
export function projectCollectors(project: ProjectCollectors, cwd: string, flags: CollectorFlags = {}): CollectorInput[] {
  return project.collectors.map((entry) => withEntry(withSharedFlags({ config: entry.config }, flags, cwd), { entry, file: displayPath(cwd, project.file!) }));
}

/** The flags that apply to every collector, where the collector's own spec did not set them. */
function withSharedFlags(input: CollectorInput, flags: CollectorFlags, cwd: string): CollectorInput {
  return {
    ...input,
    scrapeUrl: input.scrapeUrl ?? flags.scrapeUrl,
    scrapeFormat: input.scrapeFormat ?? flags.scrapeFormat,
    envFile: input.envFile ?? (flags.envFile === undefined ? undefined : resolve(cwd, flags.envFile)),
    clusterName: input.clusterName ?? flags.clusterName,
    replicas: input.replicas ?? flags.replicas,
    ...(input.collectorVersion === undefined && flags.collectorVersion !== undefined ? { collectorVersion: flags.collectorVersion, collectorVersionSource: '--collector-version' } : {}),
  };
}

function pairedByPosition(flags: CollectorFlags, cwd: string): CollectorInput[] {
  const configs = flags.config ?? [];
  const scrapes = flags.scrape ?? [];
  const inventories = flags.clusterInventory ?? [];
  const paired = [['--scrape', scrapes], ['--cluster-inventory', inventories]] as const;
  if (configs.length === 0) {
    if (scrapes.length > 0 || inventories.length > 0) {
      throw new UsageError('--scrape and --cluster-inventory go with a --config', {
        fix: (flags.collector?.length ?? 0) > 0 ? 'name them inside --collector: --collector config=FILE,scrape=FILE,inventory=FILE' : 'pass the collector config they belong to with --config FILE',
      });
    }
    return [];
  }
  for (const [flag, values] of paired) {
    if (configs.length > 1 && values.length > 0) {
      throw new UsageError(`${flag} with ${configs.length} --config files is ambiguous: which file belongs to which config would only be their order`, {
        fix: `pair them explicitly, one --collector per collector: --collector config=${configs[0]},${flag === '--scrape' ? 'scrape' : 'inventory'}=FILE (or list them under collectors in cwdash.config.ts)`,
      });
    }
    if (values.length > 1) throw new UsageError(`more ${flag} files than --config files`, { fix: `give ${flag} once for the --config, or one --collector per collector` });
  }
  return configs.map((config) => ({
    config: resolve(cwd, config),
    scrape: scrapes[0] === undefined ? undefined : scrapes[0] === '-' ? '-' : resolve(cwd, scrapes[0]),
    clusterInventory: inventories[0] === undefined ? undefined : resolve(cwd, inventories[0]),
  }));
}

const SPEC_KEYS = ['config', 'scrape', 'inventory', 'cluster-inventory', 'cluster-name', 'env-file', 'version', 'replicas', 'region'] as const;

/** `config=a.yaml,scrape=a.txt,version=0.17.0,replicas=3` → one collector input; every mistake names `--collector`. */
export function parseCollectorSpec(spec: string, cwd: string): CollectorInput {
  const fields = new Map<string, string>();
  for (const part of spec.split(',')) {
    const equals = part.indexOf('=');
    const key = equals < 0 ? part.trim() : part.slice(0, equals).trim();
    const value = equals < 0 ? '' : part.slice(equals + 1).trim();
    if (!(SPEC_KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`--collector "${spec}": unknown key "${key}"`, { fix: `use ${SPEC_KEYS.filter((k) => k !== 'cluster-inventory').join('=, ')}=, e.g. --collector config=otel.yaml,scrape=metrics.txt` });
    }
    if (value === '') throw new UsageError(`--collector "${spec}": ${key} has no value`, { fix: `write ${key}=VALUE` });
    if (fields.has(key)) throw new UsageError(`--collector "${spec}": ${key} is given twice`, { fix: 'give each key once per --collector' });
    fields.set(key === 'cluster-inventory' ? 'inventory' : key, value);
  }
  const config = fields.get('config');
  if (config === undefined) throw new UsageError(`--collector "${spec}" names no config`, { fix: 'start it with config=FILE, e.g. --collector config=otel.yaml,scrape=metrics.txt' });
  const replicasText = fields.get('replicas');
  const replicas = replicasText === undefined ? undefined : Number(replicasText);
  if (replicas !== undefined && !(Number.isInteger(replicas) && replicas >= 1)) {
    throw new UsageError(`--collector "${spec}": replicas must be a whole number ≥ 1, got "${replicasText}"`, { fix: 'e.g. replicas=3' });
  }
  const path = (key: string) => {
    const value = fields.get(key);
    return value === undefined ? undefined : value === '-' && key === 'scrape' ? '-' : resolve(cwd, value);
  };
  const version = fields.get('version');
  return {
    config: resolve(cwd, config),
    scrape: path('scrape'),
    clusterInventory: path('inventory'),
    clusterName: fields.get('cluster-name'),
    region: fields.get('region'),
    envFile: path('env-file'),
    replicas,
    ...(version === undefined ? {} : { collectorVersion: version, collectorVersionSource: '--collector version=' }),
  };
}

interface FoundEntry {
  readonly entry: CollectorInput;
  /** The project config file, as shown to the user. */
  readonly file: string;
}

/** The flags first; the entry fills in the rest (its scrape only when no scrape was named at all). */
function withEntry(input: CollectorInput, found: FoundEntry | undefined): CollectorInput {
  if (!found) return input;
  const { entry } = found;
  const scrapeNamed = input.scrape !== undefined || input.scrapeUrl !== undefined;
  const versionGiven = input.collectorVersion !== undefined;
  return {
    ...input,
    scrape: scrapeNamed ? input.scrape : entry.scrape,
    clusterInventory: input.clusterInventory ?? entry.clusterInventory,
    clusterName: input.clusterName ?? entry.clusterName,
    region: input.region ?? entry.region,
    envFile: input.envFile ?? entry.envFile,
    replicas: input.replicas ?? entry.replicas,
    ...(versionGiven || entry.collectorVersion === undefined
      ? {}
      : { collectorVersion: entry.collectorVersion, collectorVersionSource: found.file }),
  };
}

/** The project config entry for a collector config: the working directory's, else the nearest one inside it that lists it. */
async function projectEntryFor(config: string, project: ProjectCollectors, cwd: string): Promise<FoundEntry | undefined> {
  const own = project.collectors.find((entry) => entry.config === config);
  if (own && project.file) return { entry: own, file: displayPath(cwd, project.file) };
  const inside = `${resolve(cwd)}${sep}`;
  for (let dir = dirname(config); dir.startsWith(inside); dir = dirname(dir)) {
    const file = join(dir, PROJECT_CONFIG_FILE);
    if (!(await fileExists(file))) continue;
    const nearby = await loadProjectConfig(dir);
    const entry = nearby.config.collectors?.find((candidate) => candidate.config === config);
    if (entry) return { entry, file: displayPath(cwd, file) };
  }
  return undefined;
}
