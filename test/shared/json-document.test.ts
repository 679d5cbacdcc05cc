import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../src/shared/errors.js';
import { parseJsonDocument } from '../../src/shared/json-document.js';

const schema = z.object({ schemaVersion: z.literal(1), items: z.array(z.object({ name: z.string() })) });
const context = { file: 'cache/x.json', what: 'price cache', fix: 'delete it' };

function failure(text: string): InputError {
  try {
    parseJsonDocument(text, schema, context);
  } catch (error) {
    return error as InputError;
  }
  throw new Error('expected an error');
}

describe('parseJsonDocument', () => {
  test('returns the validated document', () => {
    expect(parseJsonDocument('{"schemaVersion":1,"items":[{"name":"a","extra":true}]}', schema, context)).toEqual({
      schemaVersion: 1,
      items: [{ name: 'a' }],
    });
  });

  test('not JSON names the file and the fix', () => {
    const error = failure('{"schemaVersion":');
    expect(error).toBeInstanceOf(InputError);
    expect(error.describe()).toMatch(/^cache\/x\.json: price cache is not JSON: .+\n  fix: delete it$/);
  });

  test('a wrong shape names the JSON pointer of the first problem', () => {
    expect(failure('{"schemaVersion":1,"items":[{"name":3}]}').describe()).toMatch(/^cache\/x\.json: \/items\/0\/name: invalid price cache: /);
  });
});
