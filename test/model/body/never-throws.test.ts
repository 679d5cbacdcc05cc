/** The validator reports, never throws: every vector, mutated at random in many ways, yields a list of messages. */
import { expect, test } from 'vitest';
import { validateDashboardBody } from '../../../src/model/body/validate.js';
import { loadBodyVectors } from './vectors.js';
import { mutate, random } from './mutate.js';

test('2,000 mutated bodies: messages, never an exception', () => {
  const next = random(20261124);
  const vectors = loadBodyVectors();
  for (let round = 0; round < 2000; round++) {
    let body: unknown = vectors[round % vectors.length]!.body;
    for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) body = mutate(body, next);
    expect(() => validateDashboardBody(body), JSON.stringify(body)).not.toThrow();
  }
});
