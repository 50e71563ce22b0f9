import Papa from 'papaparse';

/**
 * CSV in and out, through papaparse (RFC 4180: quoted fields with "" inside and line breaks
 * inside; CRLF, LF or CR line ends). What is ours: the delimiter is read from the header line
 * (comma or semicolon, as Excel, LibreOffice and Google Sheets write them), each record keeps the
 * line of the file it starts on (the import's row report names it), and what we write is for a
 * French Excel (UTF-8 with a byte-order mark, semicolons, CRLF) with formulas guarded.
 */
export type Delimiter = ',' | ';';

export interface ParsedCsv {
  delimiter: Delimiter;
  /** Each record with the line of the file it starts on (1-based). */
  records: { line: number; fields: string[] }[];
}

const BOM = '\uFEFF';

/** The delimiter the header line uses most, outside quotes; comma when there is neither. */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Offsets at which each line of `text` starts, for turning a record's offset into its line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\r' && text[i + 1] === '\n') i++;
    if (ch === '\r' || ch === '\n') starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * @example
 * parseCsv('nom;axe\r\n"Madar; Water";mobility\r\n')
 * // { delimiter: ';', records: [{ line: 1, fields: ['nom', 'axe'] }, { line: 2, fields: ['Madar; Water', 'mobility'] }] }
 */
export function parseCsv(input: string): ParsedCsv {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const starts = lineStarts(text);
  const records: ParsedCsv['records'] = [];
  let offset = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (row) => {
      records.push({ line: lineOf(starts, offset), fields: row.data });
      // The cursor is past the line break that ends the record: where the next one starts.
      offset = row.meta.cursor;
    },
  });
  // A file ending with a line break has no record after it.
  const last = records.at(-1);
  if (last && last.fields.length === 1 && last.fields[0] === '' && /[\r\n]$/.test(text)) records.pop();
  return { delimiter, records };
}

/** A text, an integer, a decimal already written for the language (`{ decimal: '6,87' }`), or empty. */
export type Cell = string | number | { decimal: string } | null;

/** Excel runs a cell starting with one of these as a formula; such texts are written after an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

const guard = (value: Cell): string =>
  value === null ? '' : typeof value === 'number' ? String(value) : typeof value === 'object' ? value.decimal : FORMULA_START.test(value) ? `'${value}` : value;

/** Undoes the formula guard of {@link toCsv}, so an export imports back unchanged. */
export const unguardFormula = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/**
 * A CSV for a French Excel: UTF-8 with a byte-order mark, semicolons, CRLF; texts that a
 * spreadsheet would run as formulas are guarded, numbers and decimals are written as they are.
 *
 * @example
 * toCsv([['name', 'score'], ['=cmd', { decimal: '6,87' }]]) // '\uFEFFname;score\r\n\'=cmd;6,87\r\n'
 */
export function toCsv(rows: Cell[][]): string {
  return BOM + Papa.unparse(rows.map((r) => r.map(guard)), { delimiter: ';', newline: '\r\n' }) + '\r\n';
}
