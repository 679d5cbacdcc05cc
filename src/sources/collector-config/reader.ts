/**
 * Typed reads of a component's settings: a wrong type is an InputError at the option's line, an option cwdash does not
 * know is a warning with its path (the collector itself would refuse to start on it, so the user wants to hear).
 */
import { InputError } from '../../shared/errors.js';
import type { ConfigLocation, ConfigWarning } from './model.js';
import type { Locator, YamlPath } from './locate.js';

export type Settings = Readonly<Record<string, unknown>>;

export class SettingsReader {
  constructor(
    private readonly locator: Locator,
    private readonly warnings: ConfigWarning[],
  ) {}

  locate(path: YamlPath): ConfigLocation {
    return this.locator.locate(path);
  }

  warn(path: YamlPath, message: string): void {
    this.warnings.push({ message, location: this.locator.locate(path) });
  }

  /** A mapping, `{}` for an empty YAML value (`awsemf:`). */
  map(value: unknown, path: YamlPath): Settings {
    if (value === null || value === undefined) return {};
    if (typeof value === 'object' && !Array.isArray(value)) return value as Settings;
    throw this.typeError(path, 'a mapping', value);
  }

  list(value: unknown, path: YamlPath): readonly unknown[] {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return value;
    throw this.typeError(path, 'a list', value);
  }

  string(settings: Settings, key: string, path: YamlPath, fallback: string): string {
    const value = settings[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw this.typeError([...path, key], 'a string', value);
  }

  boolean(settings: Settings, key: string, path: YamlPath, fallback: boolean): boolean {
    const value = settings[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw this.typeError([...path, key], 'true or false', value);
  }

  strings(settings: Settings, key: string, path: YamlPath): string[] {
    return this.list(settings[key], [...path, key]).map((item, index) => {
      if (typeof item === 'string' || typeof item === 'number') return String(item);
      throw this.typeError([...path, key, index], 'a string', item);
    });
  }

  /** A whole number ≥ 0 (`send_batch_max_size: 1000`). */
  count(settings: Settings, key: string, path: YamlPath, fallback: number): number {
    const value = settings[key];
    if (value === undefined || value === null) return fallback;
    const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number) && number >= 0) return number;
    throw this.typeError([...path, key], 'a whole number', value);
  }

  /** Duration like `30s`, `1m`, `1m30s`, `500ms` (Go/Prometheus syntax) → seconds. */
  duration(settings: Settings, key: string, path: YamlPath, fallbackSeconds: number): number {
    const value = settings[key];
    if (value === undefined || value === null) return fallbackSeconds;
    const seconds = parseDuration(String(value));
    if (seconds === undefined) {
      throw new InputError(`invalid duration "${String(value)}"`, {
        location: this.locator.locate([...path, key]),
        fix: 'write a duration such as 30s, 1m or 1m30s',
      });
    }
    return seconds;
  }

  /** Warns about every key of `settings` not in `known`. */
  checkKeys(settings: Settings, known: readonly string[], path: YamlPath, what: string): void {
    for (const key of Object.keys(settings)) {
      if (!known.includes(key)) this.warn([...path, key], `unknown ${what} option "${key}"`);
    }
  }

  private typeError(path: YamlPath, expected: string, value: unknown): InputError {
    return new InputError(`expected ${expected}, found ${JSON.stringify(value)}`, {
      location: this.locator.locate(path),
      fix: `make this value ${expected}`,
    });
  }
}

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) return undefined;
  return parts.reduce((total, part) => total + Number(part[1]) * UNIT_SECONDS[part[2]!]!, 0);
}
