/**
 * What an organisation-wide run yields per account and region: the unit's own result, or why it could not be read.
 * Types only, shared by the use cases that make them and the outputs that print them.
 */

export interface TargetFailure {
  readonly message: string;
  readonly fix?: string | undefined;
  /** The IAM action the target's credentials lacked, when AWS said which. */
  readonly missingAction?: string | undefined;
}

export type TargetResult<T> = {
  /** `name/region`, unique within a run. */
  readonly key: string;
  readonly name: string;
  readonly accountId?: string | undefined;
  readonly region: string;
} & ({ readonly status: 'ok'; readonly value: T } | { readonly status: 'failed'; readonly failure: TargetFailure });

export interface InventorySummary {
  readonly customMetrics: number;
  /** Custom metrics per namespace, sorted by namespace. */
  readonly namespaces: readonly { readonly namespace: string; readonly metrics: number }[];
  readonly dashboards: number;
  readonly metricAlarms: number;
  readonly compositeAlarms: number;
}

export interface OrganizationInventory {
  readonly targets: readonly TargetResult<InventorySummary>[];
  /** Sums over the targets that were read; `partial` when any failed. */
  readonly totals: InventorySummary & { readonly targetsRead: number; readonly targetsFailed: number; readonly partial: boolean };
}
