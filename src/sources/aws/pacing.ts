/**
 * Client-side pacing: PutDashboard, GetDashboard, ListDashboards and DeleteDashboards each allow 10 requests per
 * second per region, a quota that cannot be raised. Spacing calls out keeps a bulk publish under it instead of
 * relying on throttling errors and backoff.
 */
export const DASHBOARD_OPERATIONS: ReadonlySet<string> = new Set([
  'PutDashboardCommand',
  'GetDashboardCommand',
  'ListDashboardsCommand',
  'DeleteDashboardsCommand',
]);

export class OperationPacer {
  private readonly nextSlot = new Map<string, number>();
  private readonly intervalMs: number;

  constructor(requestsPerSecond: number) {
    this.intervalMs = requestsPerSecond > 0 && Number.isFinite(requestsPerSecond) ? 1000 / requestsPerSecond : 0;
  }

  /** Resolves when `operation` may be called again without exceeding the rate. */
  async wait(operation: string): Promise<void> {
    if (this.intervalMs === 0) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(operation) ?? 0);
    this.nextSlot.set(operation, slot + this.intervalMs);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
