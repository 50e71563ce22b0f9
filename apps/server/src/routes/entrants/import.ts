import { textProblem, type ImportRowReport } from '@palmares/contract';
import { AppError } from '../../lib/errors.js';
import { parseCsv, unguardFormula, type Delimiter } from '../../lib/csv.js';
import type { NewEntrant } from './entrants.queries.js';

/** Header spellings accepted per column, compared without case, accents, spaces, dashes or underscores. */
const COLUMNS = {
  name: ['name', 'nom', 'startup', 'entrant', 'projet', 'project'],
  axis: ['axis', 'axe', 'theme', 'axethematique', 'themeaxis'],
  founders: ['founders', 'founder', 'fondateurs', 'fondateur', 'porteurs', 'porteur'],
  pitch: ['pitch', 'description', 'resume', 'summary'],
  contactEmail: ['contact', 'email', 'contactemail', 'mail', 'courriel'],
} as const;
type Column = keyof typeof COLUMNS;
const LIMITS: Record<Column, number> = { name: 200, axis: 200, founders: 500, pitch: 2000, contactEmail: 320 };

/** Lower case, no accents, no spaces or punctuation: how headers and axis names are matched. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_\-.']+/g, '');

export interface ImportPlan {
  delimiter: Delimiter;
  ignoredColumns: string[];
  rows: (ImportRowReport & { entrant: NewEntrant | null })[];
}

interface AxisRef {
  id: number;
  code: string;
  labels: Record<string, string>;
}

/**
 * Reads an entrant CSV and decides, row by row, what would be created and what is rejected and why.
 * Pure: the caller writes the `create` rows, or nothing on a dry run.
 */
export function planImport(csv: string, axes: AxisRef[], nameExists: (name: string) => boolean): ImportPlan {
  const { delimiter, records } = parseCsv(csv);
  const [header, ...data] = records;
  const columnOf = new Map<Column, number>();
  const ignoredColumns: string[] = [];
  header?.fields.forEach((h, i) => {
    const col = (Object.keys(COLUMNS) as Column[]).find((k) => (COLUMNS[k] as readonly string[]).includes(fold(h)));
    if (col && !columnOf.has(col)) columnOf.set(col, i);
    else if (h.trim()) ignoredColumns.push(h.trim());
  });
  const missing = (['name', 'axis'] as const).filter((c) => !columnOf.has(c));
  if (missing.length > 0) {
    throw new AppError(400, 'VALIDATION_FAILED', 'The CSV header lacks a required column', missing.map((c) => ({
      path: 'csv', rule: 'missing_column', message: `a "${c}" column (one of: ${COLUMNS[c].join(', ')})`, params: { column: c, accepted: COLUMNS[c].join(', ') },
    })));
  }
  const axisByKey = new Map<string, AxisRef>();
  for (const a of axes) {
    axisByKey.set(fold(a.code), a);
    for (const label of Object.values(a.labels)) axisByKey.set(fold(label), a);
  }
  const seen = new Set<string>();
  const rows: ImportPlan['rows'] = [];
  for (const { line, fields } of data) {
    if (fields.every((f) => !f.trim())) continue;
    const get = (c: Column) => {
      const i = columnOf.get(c);
      return i === undefined ? '' : unguardFormula((fields[i] ?? '').trim()).normalize('NFC');
    };
    const v = { name: get('name'), axis: get('axis'), founders: get('founders'), pitch: get('pitch'), contactEmail: get('contactEmail') };
    const problems: ImportRowReport['problems'] = [];
    const axis = axisByKey.get(fold(v.axis));
    if (!v.name) problems.push({ field: 'name', reason: 'missing-name', message: 'The name is empty' });
    if (!v.axis) problems.push({ field: 'axis', reason: 'missing-axis', message: 'The axis is empty' });
    else if (!axis) problems.push({ field: 'axis', reason: 'unknown-axis', message: `No axis "${v.axis}"; known: ${axes.map((a) => a.code).join(', ')}` });
    for (const c of Object.keys(LIMITS) as Column[]) {
      if (v[c].length > LIMITS[c]) problems.push({ field: c, reason: 'too-long', message: `At most ${LIMITS[c]} characters` });
      const unsafe = textProblem(v[c], { multiline: c === 'founders' || c === 'pitch' });
      if (unsafe) problems.push({ field: c, reason: 'unsafe-text', message: `Text only: it holds ${unsafe}` });
    }
    if (v.contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.contactEmail)) {
      problems.push({ field: 'contactEmail', reason: 'invalid-email', message: `"${v.contactEmail}" is not an email address` });
    }
    const key = v.name.toLowerCase();
    if (v.name && seen.has(key)) problems.push({ field: 'name', reason: 'duplicate-in-file', message: `"${v.name}" appears earlier in the file` });
    else if (v.name && nameExists(v.name)) problems.push({ field: 'name', reason: 'duplicate-existing', message: `"${v.name}" is already registered` });
    const ok = problems.length === 0 && axis !== undefined;
    if (ok) seen.add(key);
    rows.push({
      line,
      name: v.name,
      axis: v.axis,
      status: ok ? 'create' : 'rejected',
      problems,
      entrantId: null,
      entrant: ok ? { name: v.name, axisId: axis.id, founders: v.founders, pitch: v.pitch, contactEmail: v.contactEmail } : null,
    });
  }
  return { delimiter, ignoredColumns, rows };
}
