/** What one awsemf exporter in one pipeline brings to the export of a target's points, shared by all its metrics. */
import type { AwsEmfConfig } from '../../sources/collector-config/model.js';
import type { ValidDeclaration } from './declarations.js';
import type { CollectorProfile } from './profiles.js';

export interface EmfExportContext {
  readonly config: AwsEmfConfig;
  readonly profile: CollectorProfile;
  readonly declarations: readonly ValidDeclaration[];
  /** The declared dimension sets (sorted names joined by commas), to tell declared identities from rollups. */
  readonly declaredSets: ReadonlySet<string>;
  readonly pipeline: string;
  readonly receiver: string;
  readonly exporter: string;
}
