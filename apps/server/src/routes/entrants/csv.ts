/**
 * A small RFC 4180 reader and writer, enough for entrant lists from Excel, LibreOffice and Google
 * Sheets: quoted fields (with "" inside, line breaks inside), comma or semicolon auto-detected from
 * the header line, CRLF / LF / CR line ends, byte-order mark stripped.
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

export function parseCsv(input: string): ParsedCsv {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: ParsedCsv['records'] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { delimiter, records };
}

/** Excel runs a cell starting with one of these as a formula; such cells are written with a leading quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

function writeField(value: string, delimiter: Delimiter): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(delimiter) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Undoes {@link writeField}'s formula guard, so an export imports back unchanged. */
export const unguardFormula = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/** A CSV for a French Excel: UTF-8 with a byte-order mark, semicolons, CRLF. */
export function toCsv(rows: string[][], delimiter: Delimiter = ';'): string {
  return BOM + rows.map((r) => r.map((f) => writeField(f, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
