/** A length of time for periods, typed so `period: Duration.minutes(5)` cannot be mistaken for milliseconds. */
export class Duration {
  static seconds(amount: number): Duration {
    return new Duration(amount);
  }

  static minutes(amount: number): Duration {
    return new Duration(amount * 60);
  }

  static hours(amount: number): Duration {
    return new Duration(amount * 3600);
  }

  static days(amount: number): Duration {
    return new Duration(amount * 86_400);
  }

  private constructor(private readonly totalSeconds: number) {}

  toSeconds(): number {
    return this.totalSeconds;
  }

  /** The time range ending now that this long: `-P7D`, `-PT3H`, `-PT15M` (the dashboard `start` form). */
  toRelativeStart(): string {
    const s = this.totalSeconds;
    if (s > 0 && s % 86_400 === 0) return `-P${s / 86_400}D`;
    if (s > 0 && s % 3600 === 0) return `-PT${s / 3600}H`;
    if (s > 0 && s % 60 === 0) return `-PT${s / 60}M`;
    return `-PT${s}S`;
  }

  /** The largest whole unit, e.g. `Duration.minutes(5)`: how the importer writes a period back as code. */
  toSource(): string {
    const s = this.totalSeconds;
    if (s > 0 && s % 86_400 === 0) return `Duration.days(${s / 86_400})`;
    if (s > 0 && s % 3600 === 0) return `Duration.hours(${s / 3600})`;
    if (s > 0 && s % 60 === 0) return `Duration.minutes(${s / 60})`;
    return `Duration.seconds(${s})`;
  }
}
