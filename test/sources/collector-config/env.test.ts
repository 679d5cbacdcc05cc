/** Collector-style `${env:VAR}` expansion and dotenv files for --env-file. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandString, loadEnvFile, MissingVariableError } from '../../../src/sources/collector-config/env.js';
import { InputError } from '../../../src/shared/errors.js';

describe('expandString', () => {
  const env = { PORT: '3000', NS: 'prod/api', ON: 'true', EMPTY: '' };

  it('a value that is one reference takes the variable\'s YAML type; inside text it is spliced in as a string', () => {
    expect(expandString('${env:PORT}', env)).toBe(3000);
    expect(expandString('${ON}', env)).toBe(true);
    expect(expandString('${env:NS}', env)).toBe('prod/api');
    expect(expandString('localhost:${env:PORT}', env)).toBe('localhost:3000');
  });

  it('defaults apply only to unset variables; $$ is a literal $', () => {
    expect(expandString('${env:REGION:-ap-northeast-1}', env)).toBe('ap-northeast-1');
    expect(expandString('${env:EMPTY:-x}', env)).toBe('');
    expect(expandString('cost $$5 at ${NS}', env)).toBe('cost $5 at prod/api');
    expect(expandString('no references', env)).toBe('no references');
  });

  it('an unset variable without a default names the variable', () => {
    expect(() => expandString('${env:MISSING}', env)).toThrow(MissingVariableError);
    expect(() => expandString('a-${MISSING}', env)).toThrow('environment variable "MISSING" is not set');
  });
});

describe('loadEnvFile', () => {
  async function envFile(text: string): Promise<string> {
    const file = join(await mkdtemp(join(tmpdir(), 'cwdash-env-')), 'app.env');
    await writeFile(file, text);
    return file;
  }

  it('reads NAME=value lines with export, comments and quotes', async () => {
    const file = await envFile('# settings\nexport NS=prod/api\nPORT = 3000 # the app\nGREETING="hello\\nworld"\nRAW=\'$HOME\'\n\n');
    expect(await loadEnvFile(file)).toEqual({ NS: 'prod/api', PORT: '3000', GREETING: 'hello\nworld', RAW: '$HOME' });
  });

  it('a malformed line is an input error at its line', async () => {
    const file = await envFile('NS=prod\nthis is not a variable\n');
    const error = await loadEnvFile(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location).toEqual({ file, line: 2 });
  });
});
