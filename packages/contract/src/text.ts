import { z } from 'zod';

/**
 * Text that people type and others read (names on the ceremony screen and certificates, pitches,
 * level descriptions) must be only text: a NUL or another control character breaks exports and
 * logs, a lone surrogate is not a character at all, and a bidi override (U+202E) or isolate makes
 * "Madar Water" display as something else. Line breaks and tabs are allowed in multi-line texts;
 * the left-to-right and right-to-left marks (U+200E, U+200F) are allowed, since Arabic text with
 * Latin names needs them.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `text` is not acceptable as display text, or `undefined` when it is.
 *
 * @example
 * textProblem('Madar\u202EretaW') // 'a bidi override or isolate character (U+202E)'
 * textProblem('Ligne 1\nLigne 2', { multiline: true }) // undefined
 */
export function textProblem(text: string, { multiline = false } = {}): string | undefined {
  const control = (multiline ? CONTROL_EXCEPT_LINES : CONTROL).exec(text);
  if (control) return `a control character (U+${codePoint(control[0])})`;
  const bidi = BIDI_OVERRIDE.exec(text);
  if (bidi) return `a bidi override or isolate character (U+${codePoint(bidi[0])})`;
  if (LONE_SURROGATE.test(text)) return 'a lone surrogate (not a character)';
  return undefined;
}

const codePoint = (ch: string) => (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

const checked = (schema: z.ZodString, multiline: boolean) =>
  schema.superRefine((text, ctx) => {
    const problem = textProblem(text, { multiline });
    if (problem) ctx.addIssue({ code: 'custom', message: `must be text only: it holds ${problem}`, params: { rule: 'unsafe_text' } });
  }).transform((text) => text.normalize('NFC'));

/** A one-line name (entrant, juror, axis, competition): trimmed, NFC, 1–`max` characters. */
export const nameText = (max = 200) => checked(z.string().trim().min(1).max(max), false);

/** A one-line text that may be empty (a title, a venue). */
export const lineText = (max = 200) => checked(z.string().trim().max(max), false);

/** A text that may hold line breaks (a pitch, founders, a level description, feedback). */
export const longText = (max = 2000) => checked(z.string().max(max), true);
