/** `cwdash usage --format json`: the listing with sorted keys (schemaVersion 1, documented in the README). */
import type { UsageListing } from '../analysis/usage/usage-rows.js';
import { stableStringify } from '../shared/json.js';

export function renderUsageJson(listing: UsageListing): string {
  return stableStringify(listing);
}
