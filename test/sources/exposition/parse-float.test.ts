/** Sample values parsed as Prometheus parses them (Go's strconv.ParseFloat without p, P and _), with Go's messages. */
import { describe, expect, it } from 'vitest';
import { parsePrometheusFloat } from '../../../src/sources/exposition/parse-float.js';

describe('parsePrometheusFloat', () => {
  it.each([
    ['1', 1],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['+Inf', Infinity],
    ['-inf', -Infinity],
    ['Infinity', Infinity],
  ])('%s is %d', (text, value) => {
    expect(parsePrometheusFloat(text)).toEqual({ ok: true, value });
  });

  it('NaN in any case is NaN', () => {
    const result = parsePrometheusFloat('nAn');
    expect(result.ok && Number.isNaN(result.value)).toBe(true);
  });

  it.each([
    ['0x1p3', 'unsupported character in float'],
    ['1_000', 'unsupported character in float'],
    ['one', 'strconv.ParseFloat: parsing "one": invalid syntax'],
    ['1e', 'strconv.ParseFloat: parsing "1e": invalid syntax'],
    ['1e999', 'strconv.ParseFloat: parsing "1e999": value out of range'],
  ])('%s is refused: %s', (text, error) => {
    expect(parsePrometheusFloat(text)).toEqual({ ok: false, error });
  });
});
