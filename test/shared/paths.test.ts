import { describe, expect, test } from 'vitest';
import { displayPath } from '../../src/shared/paths.js';

describe('displayPath: one rule for every path cwdash shows', () => {
  test.each([
    ['/work/project', 'dashboards/api.ts', 'dashboards/api.ts'],
    ['/work/project', '/work/project/dashboards/api.ts', 'dashboards/api.ts'],
    ['/work/project', '/work/project', '.'],
    ['/work/project', '.', '.'],
    ['/work/project', '..foo/config.yaml', '..foo/config.yaml'],
    ['/work/project', '../other/otel.yaml', '/work/other/otel.yaml'],
    ['/work/project', '/etc/otel.yaml', '/etc/otel.yaml'],
    ['/work/project', './dashboards/../otel.yaml', 'otel.yaml'],
  ])('cwd %s, %s → %s', (cwd, file, shown) => {
    expect(displayPath(cwd, file)).toBe(shown);
  });
});
