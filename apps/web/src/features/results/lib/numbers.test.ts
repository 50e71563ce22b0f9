import { describe, expect, test } from 'vitest';
import { localDecimal, localResult, nameList } from './numbers';

describe('localDecimal', () => {
  test('French writes a result with a decimal comma and keeps its decimals', () => {
    expect(localDecimal('6.87', 'fr')).toBe('6,87');
    expect(localDecimal('6.8667', 'fr')).toBe('6,8667');
  });

  test('English keeps the point; Arabic uses Latin digits, as the CSV exports do', () => {
    expect(localDecimal('7.10', 'en')).toBe('7.10');
    expect(localDecimal('7.10', 'ar')).toMatch(/^7\D10$/);
  });

  test('a negative offset and an integer are left readable', () => {
    expect(localDecimal('-0.25', 'fr')).toBe('-0,25');
    expect(localDecimal('8', 'fr')).toBe('8');
  });
});

describe('localResult', () => {
  test('shows a result the language’s way, and a dash for an entrant with no result', () => {
    expect(localResult({ display: '6.87' }, 'fr')).toBe('6,87');
    expect(localResult(null, 'fr')).toBe('—');
  });
});

describe('nameList', () => {
  test('joins names with the language’s conjunction, each isolated for right-to-left text', () => {
    expect(nameList(['Sahti Queue', 'Dar Tadamon'], 'fr')).toBe('\u2068Sahti Queue\u2069 et \u2068Dar Tadamon\u2069');
    expect(nameList(['A', 'B'], 'ar')).toContain('\u2068A\u2069');
  });
});
