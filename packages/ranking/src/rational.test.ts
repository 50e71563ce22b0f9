import fc from 'fast-check';
import { expect, test } from 'vitest';
import { compareRational, formatRational, fractionText, parseRational, ratio, ratioOfIntegers, rationalToNumber, roundRational, weightedMean } from './rational.js';
import { formatDisplay } from './format.js';
import { formatFloat } from './scores.js';

test('fractions are reduced with the sign on the numerator', () => {
  expect(formatRational(ratio(206n, -30n))).toBe('-103/15');
  expect(formatRational(ratio(16n, 2n))).toBe('8');
  expect(formatRational(ratio(0n, -5n))).toBe('0');
});

test('103/15 and 206/30 compare equal where floats would not promise it', () => {
  expect(compareRational(ratio(103n, 15n), parseRational('206/30')!)).toBe(0);
  expect(rationalToNumber(ratio(103n, 15n))).toBeCloseTo(6.8667, 4);
});

test('rounding is half away from zero, exactly', () => {
  expect(roundRational(ratio(103n, 15n), 2)).toBe('6.87');
  expect(roundRational(ratio(-1n, 8n), 2)).toBe('-0.13');
  expect(roundRational(ratio(1n, 8n), 2)).toBe('0.13');
  expect(roundRational(ratio(-1n, 1000n), 2)).toBe('0.00');
  expect(roundRational(ratio(5n, 2n), 0)).toBe('3');
});

test('formatDisplay shows a result fraction in a locale', () => {
  expect(formatDisplay('103/15')).toBe('6.87');
  expect(formatDisplay('103/15', { locale: 'fr-FR', decimals: 3 })).toBe('6,867');
  expect(formatDisplay('6.8666666667')).toBe('6.87');
  expect(formatDisplay('not a number')).toBeNull();
});

test('fractions of plain integers reduce like BigInt ones', () => {
  for (const [n, d] of [[206, 30], [-206, 30], [206, -30], [0, 7], [7, 1], [2 ** 52, 6]] as const) {
    expect(ratioOfIntegers(n, d)).toEqual(ratio(BigInt(n), BigInt(d)));
  }
});

test('fraction text from two integers is what the BigInt fraction writes', () => {
  const int = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.maxSafeInteger().map((x) => x - (x % 7)), fc.constant(0), fc.constant(-0));
  fc.assert(
    fc.property(int, int.filter((d) => d !== 0), (n, d) => {
      expect(fractionText(n, d)).toBe(formatRational(ratioOfIntegers(n, d)));
    }),
    { numRuns: 500 },
  );
  expect(fractionText(206, 30)).toBe('103/15');
  expect(fractionText(-16, 8)).toBe('-2');
  expect(fractionText(0, -5)).toBe('0');
});

test('float scores are written as they always were: ten places, trailing zeros and point dropped', () => {
  const before = (x: number): string => {
    const text = x.toFixed(10).replace(/\.?0+$/, '');
    return text === '-0' ? '0' : text;
  };
  fc.assert(
    fc.property(fc.double(), (x) => {
      expect(formatFloat(x)).toBe(before(x));
    }),
    { numRuns: 1000 },
  );
  for (const x of [0, -0, 100, 1e30, -1e-12, 6.866666666666667, 2.5, Number.NaN, Infinity]) expect(formatFloat(x)).toBe(before(x));
});

test('the weighted mean weighs each value by its integer weight, exactly', () => {
  expect(formatRational(weightedMean([{ weight: 2, value: ratio(8n, 1n) }, { weight: 1, value: ratio(5n, 1n) }]))).toBe('7');
  expect(formatRational(weightedMean([{ weight: 3, value: ratio(1n, 3n) }, { weight: 1, value: ratio(1n, 6n) }]))).toBe('7/24');
  expect(() => weightedMean([])).toThrow(RangeError);
});
