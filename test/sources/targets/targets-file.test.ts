import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expandTargets, loadTargetsFile, targetAccountId } from '../../../src/sources/targets/targets-file.js';
import { InputError } from '../../../src/shared/errors.js';

async function file(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'cwdash-targets-')), 'targets.yaml');
  await writeFile(path, text);
  return path;
}

async function failure(text: string): Promise<InputError> {
  const error = await loadTargetsFile(await file(text)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('loadTargetsFile', () => {
  test('reads profiles, roles with external ids and plain accounts, expanded per region in file order', async () => {
    const targets = await loadTargetsFile(
      await file(
        [
          'targets:',
          '  - name: prod',
          '    roleArn: arn:aws:iam::012345678901:role/cwdash-read',
          '    externalId: xyz-123',
          '    regions: [eu-west-1, us-east-1]',
          '  - name: sandbox',
          '    profile: sandbox',
          "    accountId: '000000000042'",
          '    regions: [ap-northeast-1]',
        ].join('\n'),
      ),
    );
    expect(expandTargets(targets).map((unit) => unit.key)).toEqual(['prod/eu-west-1', 'prod/us-east-1', 'sandbox/ap-northeast-1']);
    expect(targets.map(targetAccountId)).toEqual(['012345678901', '000000000042']);
  });

  test.each([
    ['targets:\n  - name: a\n    profile: p\n    roleArn: arn:aws:iam::012345678901:role/r\n    regions: [us-east-1]\n', 4, /either profile or roleArn/],
    ['targets:\n  - name: a\n    regions: [eu-west]\n', 3, /not an AWS region name/],
    ['targets:\n  - name: a\n    accountId: 12345\n    regions: [us-east-1]\n', 3, /quote the account id/],
    ['targets:\n  - name: a\n    regions: [us-east-1]\n    region: us-east-1\n', 2, /region/],
    ['targets:\n  - name: a\n    accountId: "111111111111"\n    roleArn: arn:aws:iam::222222222222:role/r\n    regions: [us-east-1]\n', 3, /differs from the roleArn's account/],
    ['targets:\n  - name: a\n    regions: [us-east-1]\n  - name: a\n    regions: [eu-west-1]\n', 4, /used twice/],
    ['targets: [\n', 2, /not valid YAML/],
  ])('%#: a mistake names the line and the fix', async (text, line, message) => {
    const error = await failure(text);
    expect(error.message).toMatch(message);
    expect(error.location?.line).toBe(line);
    expect(error.fix).toMatch(/targets:|own name/);
  });
});
