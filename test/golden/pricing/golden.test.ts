/**
 * Golden outputs of `cwdash pricing show` on the embedded snapshot: a price or wording change shows up as a reviewed
 * diff of these files. `npm run golden:update` rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SNAPSHOT_FILE } from '../../../src/sources/price-list/snapshot.js';
import { runCli } from '../../support/run-cli.js';

const dir = import.meta.dirname;
const env = { CWDASH_CACHE_DIR: '/nonexistent/cwdash-golden-cache' };

const cases: readonly (readonly [file: string, argv: readonly string[]])[] = [
  ['show-ap-northeast-1.json', ['pricing', 'show', '--region', 'ap-northeast-1', '--format', 'json']],
  ['show-us-east-1-eu-west-1.txt', ['pricing', 'show', '--region', 'us-east-1', '--region', 'eu-west-1']],
  ['estimate-us-east-1.txt', ['pricing', 'show', '--region', 'us-east-1', '--metrics', '300000', '--existing-metrics', '9000', '--free-tier']],
];

describe.each(cases)('golden %s', (file, argv) => {
  test(`cwdash ${argv.join(' ')}`, async () => {
    const result = await runCli(argv, { env });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    // The snapshot's absolute path depends on the checkout.
    const text = result.stdout.replaceAll(SNAPSHOT_FILE, '<snapshot.json>');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(join(dir, file), text);
    expect(text).toBe(readFileSync(join(dir, file), 'utf8'));
  });
});
