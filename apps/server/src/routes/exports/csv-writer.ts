/** CSV for a French Excel: UTF-8 with a byte-order mark, semicolons, CRLF, RFC 4180 quoting. */
const BOM = '\uFEFF';

/** A text, an integer, a decimal already written for the language (`{ decimal: '6,87' }`), or empty. */
export type Cell = string | number | { decimal: string } | null;

/** A text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
const guard = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function cell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : typeof value === 'object' ? value.decimal : guard(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => cells.map(cell).join(';');
  return BOM + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
