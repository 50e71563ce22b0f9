import { expect, test } from 'vitest';
import { compareRational, formatRational, parseRational, ratio, ratioOfIntegers, rationalToNumber, roundRational } from './rational.js';
import { formatDisplay } from './format.js';

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
