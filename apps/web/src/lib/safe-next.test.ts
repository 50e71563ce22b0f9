import { describe, expect, test } from 'vitest';
import { loginPathFor, safeNext } from './safe-next';

describe('safeNext: sign-in sends back to a path of this site only', () => {
  test.each([
    ['/competitions/1/jurors', '/competitions/1/jurors'],
    ['/competitions/1/final', '/competitions/1/final'],
    ['/competitions/1/round-1?view=matrix#top', '/competitions/1/round-1?view=matrix#top'],
    ['/competitions/new', '/competitions/new'],
  ])('keeps the organiser page %s', (next, kept) => {
    expect(safeNext(next)).toBe(kept);
  });

  test.each([
    ['an absolute address', 'https://evil.example/competitions'],
    ['another scheme', 'javascript:alert(1)'],
    ['a protocol-relative address', '//evil.example'],
    ['a protocol-relative address with a path', '//evil.example/competitions/1'],
    ['a backslash browsers read as a slash', '/\\evil.example'],
    ['backslashes only', '\\\\evil.example'],
    ['a tab browsers drop', '/\t/evil.example'],
    ['a line break browsers drop', '/\n/evil.example'],
    ['a relative path', 'competitions/1'],
    ['the sign-in page itself', '/login?next=/competitions'],
    ['nothing', null],
    ['an empty value', ''],
  ])('refuses %s and falls back to the home page', (_what, next) => {
    expect(safeNext(next)).toBe('/');
  });

  test('the sign-in address carries the page to come back to, encoded', () => {
    expect(loginPathFor('/competitions/1/jurors?x=1')).toBe('/login?next=%2Fcompetitions%2F1%2Fjurors%3Fx%3D1');
    expect(loginPathFor('/')).toBe('/login');
    expect(loginPathFor('//evil.example')).toBe('/login');
  });
});
