/**
 * One collector-version rule for every command: a version given (a flag, or the project config's entry) > the tag
 * of the ADOT collector image the cluster inventory's DaemonSet pods run (`amazon/aws-otel-collector:v0.17.0`; a
 * Container Insights collector runs as a DaemonSet) > the newest profile cwdash knows. The choice says which rule
 * made it, for the output to print.
 */
import { InputError } from '../../shared/errors.js';
import { compareStrings } from '../../shared/json.js';
import { DEFAULT_COLLECTOR_VERSION, SUPPORTED_COLLECTOR_VERSIONS } from './profiles.js';

export interface GivenVersion {
  readonly version: string;
  /** Where it was given, in words: `--collector-version`, `examples/cwdash.config.ts`. */
  readonly source: string;
}

export interface VersionChoice {
  readonly version: string;
  /** Which rule chose it, completing "ADOT <version> …": `from --collector-version`, `the newest profile …`. */
  readonly rule: string;
  /** Set when the inventory's version has no profile of its own and the nearest one is predicted. */
  readonly warning?: string;
}

/** The ADOT collector image, from Docker Hub or ECR Public, with its version tag. */
const ADOT_IMAGE = /(?:^|\/)aws-otel-collector:v?(\d+\.\d+\.\d+)(?:$|[-@])/;

export function chooseCollectorVersion(given: GivenVersion | undefined, inventory?: { readonly file: string; readonly daemonSetImages: readonly string[] }): VersionChoice {
  if (given) return { version: given.version, rule: `from ${given.source}` };
  const fromImage = inventory ? versionOfImages(inventory) : undefined;
  if (fromImage) return fromImage;
  return { version: DEFAULT_COLLECTOR_VERSION, rule: 'the newest profile cwdash knows: no flag, project config entry or inventory image names one' };
}

function versionOfImages(inventory: { readonly file: string; readonly daemonSetImages: readonly string[] }): VersionChoice | undefined {
  const found = new Map<string, string>();
  for (const image of inventory.daemonSetImages) {
    const version = ADOT_IMAGE.exec(image)?.[1];
    if (version !== undefined && !found.has(version)) found.set(version, image);
  }
  if (found.size === 0) return undefined;
  if (found.size > 1) {
    throw new InputError(`the cluster inventory's DaemonSets run several ADOT collector versions (${[...found.values()].sort(compareStrings).join(', ')}), so the version to predict is ambiguous`, {
      location: { file: inventory.file },
      fix: 'name it: --collector-version V, version=V in --collector, or collectorVersion in the cwdash.config.ts entry',
    });
  }
  const [version, image] = [...found.entries()][0]!;
  const rule = `from the cluster inventory's DaemonSet collector image ${image}`;
  const oldest = SUPPORTED_COLLECTOR_VERSIONS[0]!;
  const minor = (v: string) => v.split('.').slice(0, 2).map(Number) as [number, number];
  const [major, min] = minor(version);
  const [oldMajor, oldMin] = minor(oldest);
  const [newMajor, newMin] = minor(DEFAULT_COLLECTOR_VERSION);
  if (major < oldMajor || (major === oldMajor && min < oldMin)) {
    const warning = `the cluster inventory runs ADOT ${version} (${image}), older than the oldest profile cwdash has; it is predicted as ${oldest}, the nearest`;
    return { version: oldest, rule: `${rule}, older than every profile: predicted as the oldest`, warning };
  }
  if (major > newMajor || (major === newMajor && min > newMin)) {
    const warning = `the cluster inventory runs ADOT ${version} (${image}), newer than the newest profile cwdash has; it is predicted as ${DEFAULT_COLLECTOR_VERSION}`;
    return { version: DEFAULT_COLLECTOR_VERSION, rule: `${rule}, newer than every profile: predicted as the newest`, warning };
  }
  return { version, rule };
}
