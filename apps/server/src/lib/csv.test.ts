import { describe, expect, test } from 'vitest';
import { parseCsv, toCsv, unguardFormula } from './csv.js';

describe('the CSV reader and writer', () => {
  test('reads quoted fields with doubled quotes, delimiters and line breaks inside', () => {
    const csv = 'name,pitch\r\n"Madar, ""Water""","line one\nline two"\r\nPlain,x\r\n';
    const { delimiter, records } = parseCsv(csv);
    expect(delimiter).toBe(',');
    expect(records).toEqual([
      { line: 1, fields: ['name', 'pitch'] },
      { line: 2, fields: ['Madar, "Water"', 'line one\nline two'] },
      { line: 4, fields: ['Plain', 'x'] },
    ]);
  });

  test('detects semicolons from the header line and strips the byte-order mark', () => {
    const { delimiter, records } = parseCsv('\uFEFFnom;axe\nمدار;mobility, transport');
    expect(delimiter).toBe(';');
    expect(records[0]?.fields).toEqual(['nom', 'axe']);
    expect(records[1]?.fields).toEqual(['مدار', 'mobility, transport']);
  });

  test('writes what it reads back, with a BOM, semicolons and CRLF, guarding formulas', () => {
    const rows = [['name', 'pitch'], ['=cmd|x', 'a;b "c"\nd'], ['Éco-Énergie', ' padded ']];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFFname;pitch\r\n')).toBe(true);
    expect(text).toContain(`'=cmd|x`);
    const back = parseCsv(text).records.map((r) => r.fields.map(unguardFormula));
    expect(back).toEqual(rows);
  });

  test.each([['CRLF', '\r\n'], ['LF', '\n'], ['CR', '\r']])('numbers each record by the line it starts on (%s ends, quoted breaks, blank lines)', (_, nl) => {
    const { records } = parseCsv(['name,pitch', '"A","one\ntwo"', '', 'B,x', 'C,"y\r\nz"', 'D,w'].join(nl) + nl);
    expect(records).toEqual([
      { line: 1, fields: ['name', 'pitch'] },
      { line: 2, fields: ['A', 'one\ntwo'] },
      { line: 4, fields: [''] },
      { line: 5, fields: ['B', 'x'] },
      { line: 6, fields: ['C', 'y\r\nz'] },
      { line: 8, fields: ['D', 'w'] },
    ]);
  });

  test('guards a formula even when its cell holds a line break, and writes numbers and decimals as they are', () => {
    const text = toCsv([['a', 'b', 'c'], ['=1+1\n2', -3, { decimal: '-6,87' }]]);
    expect(text).toBe('\uFEFFa;b;c\r\n"\'=1+1\n2";-3;-6,87\r\n');
  });
});
