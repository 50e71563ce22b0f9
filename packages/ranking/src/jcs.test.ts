import { expect, test } from 'vitest';
import { canonicalJson } from './jcs.js';

test('JCS sorts keys by UTF-16 code units and drops whitespace (RFC 8785 §3.2.3 example)', () => {
  const input = JSON.parse('{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}');
  const names = [...canonicalJson(input).matchAll(/"([^"]*)":/g)].map((m) => m[1]);
  expect(names).toEqual(['\\r', '1', '\u0080', 'ö', '€', '😀', 'דּ']);
});

test('JCS writes numbers the ECMAScript way (RFC 8785 §3.2.2.3)', () => {
  expect(canonicalJson([Number('333333333.33333329'), 1e30, 4.5, 2e-3, 0.000001, 1e-7, -0, 1e21])).toBe(
    '[333333333.3333333,1e+30,4.5,0.002,0.000001,1e-7,0,1e+21]',
  );
});

test('JCS escapes strings minimally and nests', () => {
  expect(canonicalJson({ b: ['\u0001', '"', 'é'], a: { d: null, c: true } })).toBe('{"a":{"c":true,"d":null},"b":["\\u0001","\\"","é"]}');
});

test('JCS refuses non-finite numbers', () => {
  expect(() => canonicalJson([Number.NaN])).toThrow(RangeError);
});
