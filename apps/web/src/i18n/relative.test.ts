import { describe, expect, test } from 'vitest';
import { formatAge, formatBytes } from './relative';

describe('ages and sizes in the reader’s language', () => {
  const now = Date.parse('2026-06-13T11:30:00Z');
  test('an age is said in its largest whole unit, Arabic included', () => {
    expect(formatAge('2026-06-13T11:29:50Z', now, 'en')).toBe('10 seconds ago');
    expect(formatAge('2026-06-13T09:00:00Z', now, 'fr')).toBe('il y a 2 heures');
    expect(formatAge('2026-06-10T11:30:00Z', now, 'en')).toBe('3 days ago');
    expect(formatAge('2026-06-13T11:25:00Z', now, 'ar')).toMatch(/[\u0600-\u06FF]/);
  });

  test('a size reads as kilobytes or megabytes with the language’s decimal mark', () => {
    expect(formatBytes(3_400_000, 'fr')).toMatch(/^3,4\sMo$/);
    expect(formatBytes(842_000, 'en')).toBe('842 kB');
  });
});
