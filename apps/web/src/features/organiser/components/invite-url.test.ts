import { describe, expect, test } from 'vitest';
import { inviteUrl, isLoopback } from './invite-url';

describe('invitation links', () => {
  test('a link is the invitation path on the address the organiser opened the page at', () => {
    expect(inviteUrl('/j/abc_-123', 'http://192.168.1.20:3000')).toBe('http://192.168.1.20:3000/j/abc_-123');
  });

  test.each(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'http://app.localhost'])('%s only reaches this computer', (origin) => {
    expect(isLoopback(origin)).toBe(true);
  });

  test.each(['http://192.168.1.20:3000', 'https://palmares.example', 'http://127.example'])('%s reaches the tablets', (origin) => {
    expect(isLoopback(origin)).toBe(false);
  });
});
