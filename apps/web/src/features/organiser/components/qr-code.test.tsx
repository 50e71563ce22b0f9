import { renderToStaticMarkup } from 'react-dom/server';
import { encode } from 'uqr';
import { describe, expect, test } from 'vitest';
import { modulesPath, QrCode, QUIET_ZONE } from './qr-code';

const LINK = 'http://192.168.1.20:3000/j/4Xq9-Vn2pLr7sTz0aBcDeFgHiJkLmNoPqRsTuVwXyZ0';

/** Reads the SVG path back into a module matrix: the rectangles `M x y h n v1 h -n z`, one row each. */
function matrixOf(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  for (const [, x, y, n, back] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h(-\d+)z/g)) {
    expect(Number(back)).toBe(-Number(n));
    for (let i = 0; i < Number(n); i++) {
      const row = grid[Number(y)];
      if (!row) throw new Error(`row ${y} outside a ${size}-module code`);
      row[Number(x) + i] = true;
    }
  }
  return grid;
}

function render(text: string) {
  const html = renderToStaticMarkup(<QrCode text={text} label="QR code du lien d’invitation d’Amina Idrissi" />);
  const viewBox = /viewBox="([^"]+)"/.exec(html)?.[1] ?? '';
  const d = /<path d="([^"]+)"/.exec(html)?.[1] ?? '';
  return { html, viewBox, d };
}

describe('QrCode', () => {
  test('draws exactly the dark modules of uqr’s encoding of the link, no more, no fewer', () => {
    const expected = encode(LINK, { ecc: 'M', border: 0 });
    const { d } = render(LINK);
    expect(matrixOf(d, expected.size)).toEqual(expected.data);
    const dark = expected.data.flat().filter(Boolean).length;
    const drawn = [...d.matchAll(/h(\d+)v1/g)].reduce((sum, [, n]) => sum + Number(n), 0);
    expect(drawn).toBe(dark);
  });

  test('keeps a four-module quiet zone around a symbol sized for the link', () => {
    const { size, version } = encode(LINK, { ecc: 'M', border: 0 });
    expect(size).toBe(17 + 4 * version);
    const { viewBox } = render(LINK);
    expect(viewBox).toBe(`${-QUIET_ZONE} ${-QUIET_ZONE} ${size + 2 * QUIET_ZONE} ${size + 2 * QUIET_ZONE}`);
  });

  test('is an image named for whose link it is, never by the secret link itself', () => {
    const { html } = render(LINK);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="QR code du lien d’invitation d’Amina Idrissi"');
    expect(html).not.toContain('4Xq9');
  });

  test('the finder pattern reads dark, light, dark from the top-left corner', () => {
    const row = matrixOf(render(LINK).d, encode(LINK, { ecc: 'M', border: 0 }).size)[0] ?? [];
    expect(row.slice(0, 8)).toEqual([true, true, true, true, true, true, true, false]);
  });

  test('a row of modules becomes one rectangle per run of dark modules', () => {
    expect(modulesPath([[true, true, false, true], [false, false, false, false]])).toBe('M0 0h2v1h-2zM3 0h1v1h-1z');
  });
});
