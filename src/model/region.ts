/**
 * The one rule for "which AWS region": every command and every collector resolve it the same way, so a collector that
 * sends to eu-west-1 is priced in eu-west-1 whatever else is configured. In order: `--region`, the collector's own
 * region (its entry in the project config, else its awsemf exporter's `region`), the project config's `region`,
 * `AWS_REGION`, `AWS_DEFAULT_REGION`, then the AWS profile's `region` (as the AWS CLI reads ~/.aws/config).
 * Pure: the callers read the files; this only decides.
 */

export interface RegionCandidates {
  /** `--region`. */
  readonly flag?: string | undefined;
  /** The collector's own region and where it was set (`cwdash.config.ts collectors[0]`, `otel.yaml:12:5`). */
  readonly collector?: { readonly region: string; readonly where: string } | undefined;
  /** `region` in cwdash.config.ts. */
  readonly project?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The AWS profile in use and the `region` its config section sets, if any. */
  readonly profile?: { readonly name: string; readonly region?: string | undefined } | undefined;
}

export interface ResolvedRegion {
  readonly region: string;
  /** Which rule chose it, in words for messages and assumptions: `--region`, `the awsemf exporter (otel.yaml:12:5)`. */
  readonly rule: string;
}

export function resolveRegion(candidates: RegionCandidates): ResolvedRegion | undefined {
  const env = candidates.env ?? {};
  const steps: [string | undefined, string][] = [
    [candidates.flag, '--region'],
    [candidates.collector?.region, candidates.collector ? `the collector's own region (${candidates.collector.where})` : ''],
    [candidates.project, 'region in the project config'],
    [env.AWS_REGION, 'AWS_REGION'],
    [env.AWS_DEFAULT_REGION, 'AWS_DEFAULT_REGION'],
    [candidates.profile?.region, `the region of AWS profile "${candidates.profile?.name ?? ''}"`],
  ];
  for (const [region, rule] of steps) if (region !== undefined && region !== '') return { region, rule };
  return undefined;
}

/** How to give a region, for the usage error when none of the rules applies. */
export const REGION_FIX =
  'pass --region R, set region in cwdash.config.ts (or on the collector\'s awsemf exporter), export AWS_REGION, or set region in your AWS profile (aws configure set region R)';
