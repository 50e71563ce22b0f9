import { describe, expect, test } from 'vitest';
import { move } from './move';

describe('move', () => {
  test('moves an item one place up or down and leaves the list it was given alone', () => {
    const items = ['a', 'b', 'c'];
    expect(move(items, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(items, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  test('an item already first or last stays where it is', () => {
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
