/** Periods CloudWatch accepts: 1, 5, 10 or 30 seconds (high-resolution metrics) or a multiple of 60 seconds. */

const HIGH_RESOLUTION_PERIODS: readonly number[] = [1, 5, 10, 30];

export function isValidPeriod(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds > 0 && (HIGH_RESOLUTION_PERIODS.includes(seconds) || seconds % 60 === 0);
}

export function periodProblem(seconds: number): string {
  const nearest = Math.max(60, Math.round(seconds / 60) * 60);
  return `period must be 1, 5, 10, 30, or a multiple of 60 seconds, received ${seconds} (did you mean ${nearest}?)`;
}
