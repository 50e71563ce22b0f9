import type { DeliberationDecision, Lang } from '@palmares/contract';
import { formatDisplay, type RankResult } from '@palmares/ranking';
import { prizePlaces } from '../../results/prizes.js';
import { ruleNotes, type RuleNote } from '../../results/rule-notes.js';
import type { Cell } from '../../lib/csv.js';

/** Latin digits with the language's decimal mark, as the screens write them (apps/web lib/numbers.ts). */
const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-MA' };

/**
 * A result's display string ("5.4333": as many decimals as the ranking chose, so two different
 * places never read the same) with the language's decimal mark, exactly as the screen shows it.
 * @example localDisplay('6.87', 'fr'); // "6,87"
 */
export function localDisplay(display: string, lang: Lang): string {
  const decimals = display.includes('.') ? (display.split('.')[1]?.length ?? 0) : 0;
  return formatDisplay(display, { locale: LOCALES[lang], decimals }) ?? display;
}

interface Words {
  header: (method: string, final: boolean) => string[];
  yes: string;
  methods: Record<string, string>;
  skipped: (n: RuleNote, heldBy: string) => string;
  promoted: (n: RuleNote, final: boolean) => string;
  chair: (reason: string) => string;
  decisions: string;
  decision: (names: string, reason: string, by: string) => string;
  fingerprint: string;
  published: (at: string) => string;
  snapshot: (at: string) => string;
  notFrozen: string;
}

const WORDS: Record<Lang, Words> = {
  en: {
    header: (m, final) => ['rank', 'startup', 'axis', `score (${m})`, 'raw mean', 'scorecards', 'trimmed', final ? 'prize' : 'selected', 'rule applied', 'chair’s decision'],
    yes: 'yes',
    methods: { satm: 'severity-adjusted trimmed mean', mean: 'trimmed mean', median: 'median', zscore: 'z-score' },
    skipped: (n, held) => (n.rule === 'axis-max' ? `${ordinal(n.rank, 'en')} by score, no prize: at most one prize per axis, its axis already has ${held}` : `${ordinal(n.rank, 'en')} by score, passed over: the seats left were kept for axes below their minimum`),
    promoted: (n, final) => (final ? `${ordinal(n.rank, 'en')} by score, prize ${n.place} under the ${n.rule === 'axis-max' ? 'one-prize-per-axis' : 'axis-minimum'} rule` : `${ordinal(n.rank, 'en')} by score, selected under the ${n.rule === 'axis-max' ? 'axis cap' : 'axis-minimum'} rule`),
    chair: (r) => `tie settled by the chair: ${r}`,
    decisions: 'Chair’s decisions',
    decision: (names, reason, by) => `${names} (in this order) — ${reason} — ${by}`,
    fingerprint: 'fingerprint',
    published: (at) => `published ${at}`,
    snapshot: (at) => `snapshot ${at}, not published`,
    notFrozen: 'not frozen',
  },
  fr: {
    header: (m, final) => ['rang', 'startup', 'axe', `score (${m})`, 'moyenne brute', 'grilles', 'écartées', final ? 'prix' : 'retenue', 'règle appliquée', 'décision de la présidence'],
    yes: 'oui',
    methods: { satm: 'moyenne réduite corrigée de la sévérité', mean: 'moyenne réduite', median: 'médiane', zscore: 'score z' },
    skipped: (n, held) => (n.rule === 'axis-max' ? `${ordinal(n.rank, 'fr')} au score, sans prix : un seul prix par axe, son axe a déjà ${held}` : `${ordinal(n.rank, 'fr')} au score, non retenue : les places restantes étaient réservées aux axes sous leur minimum`),
    promoted: (n, final) => (final ? `${ordinal(n.rank, 'fr')} au score, prix ${n.place} par la règle ${n.rule === 'axis-max' ? 'd’un prix par axe' : 'du minimum par axe'}` : `${ordinal(n.rank, 'fr')} au score, retenue par la règle ${n.rule === 'axis-max' ? 'du plafond par axe' : 'du minimum par axe'}`),
    chair: (r) => `égalité tranchée par la présidence : ${r}`,
    decisions: 'Décisions de la présidence',
    decision: (names, reason, by) => `${names} (dans cet ordre) — ${reason} — ${by}`,
    fingerprint: 'empreinte',
    published: (at) => `publié le ${at}`,
    snapshot: (at) => `instantané du ${at}, non publié`,
    notFrozen: 'non figé',
  },
  ar: {
    header: (m, final) => ['الرتبة', 'الشركة الناشئة', 'المحور', `النتيجة (${m})`, 'المتوسط الخام', 'الاستمارات', 'المستبعدة', final ? 'الجائزة' : 'مختارة', 'القاعدة المطبقة', 'قرار الرئاسة'],
    yes: 'نعم',
    methods: { satm: 'متوسط مشذّب معدّل حسب الصرامة', mean: 'متوسط مشذّب', median: 'الوسيط', zscore: 'الدرجة المعيارية' },
    skipped: (n, held) => (n.rule === 'axis-max' ? `المرتبة ${n.rank} حسب النتيجة، دون جائزة: جائزة واحدة لكل محور، ومحورها نالها ${held}` : `المرتبة ${n.rank} حسب النتيجة، غير مختارة: المقاعد المتبقية محجوزة للمحاور دون حدها الأدنى`),
    promoted: (n, final) => (final ? `المرتبة ${n.rank} حسب النتيجة، الجائزة ${n.place} بقاعدة ${n.rule === 'axis-max' ? 'جائزة واحدة لكل محور' : 'الحد الأدنى لكل محور'}` : `المرتبة ${n.rank} حسب النتيجة، مختارة بقاعدة ${n.rule === 'axis-max' ? 'الحد الأقصى لكل محور' : 'الحد الأدنى لكل محور'}`),
    chair: (r) => `تعادل حسمته الرئاسة: ${r}`,
    decisions: 'قرارات الرئاسة',
    decision: (names, reason, by) => `${names} (بهذا الترتيب) — ${reason} — ${by}`,
    fingerprint: 'البصمة',
    published: (at) => `نُشر في ${at}`,
    snapshot: (at) => `لقطة ${at}، غير منشورة`,
    notFrozen: 'غير مجمّدة',
  },
};

function ordinal(n: number, lang: Lang): string {
  if (lang === 'fr') return n === 1 ? '1re' : `${n}e`;
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}

export interface ResultsCsvInput {
  lang: Lang;
  final: boolean;
  result: RankResult;
  names: Map<string, string>;
  /** Axis labels in the export's language, by code. */
  axisLabel: (code: string) => string;
  decisions: DeliberationDecision[];
  status: { publishedAt: string | null; createdAt: string } | null;
}

/**
 * The results CSV in the export's language: headers, axes, yes/no, the rule that acted on a
 * row and the chair's decisions in words; scores as the screen shows them.
 */
export function resultsCsv({ lang, final, result, names, axisLabel, decisions, status }: ResultsCsvInput): { header: string[]; rows: Cell[][] } {
  const w = WORDS[lang];
  const name = (e: string) => names.get(e) ?? e;
  const prize = new Map(prizePlaces(result).flatMap((p) => p.entrants.map((e) => [e, p.place] as const)));
  const notes = new Map(ruleNotes(result, final ? 'final' : 'shortlist').map((n) => [n.entrant, n]));
  const list = (ids: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(ids.map(name));
  // The chair's latest word on each startup (a later decision about the same startups replaces an earlier one).
  const reasonOf = new Map<string, string>();
  for (const d of decisions) for (const id of d.entrantIds) reasonOf.set(String(id), d.reason);
  const num = (text: string | null) => (text === null ? null : { decimal: localDisplay(formatDisplay(text) ?? text, lang) });
  const rows = result.ranking.map((r): Cell[] => {
    const n = notes.get(r.entrant);
    const note = n ? (n.kind === 'skipped' ? w.skipped(n, list(n.heldBy)) : w.promoted(n, final)) : null;
    const reason = reasonOf.get(r.entrant);
    return [
      r.rank, name(r.entrant), axisLabel(r.axis), r.display === null ? null : { decimal: localDisplay(r.display, lang) }, num(r.rawMean), r.scored, r.trimmed,
      final ? (prize.get(r.entrant) ?? null) : prize.has(r.entrant) ? w.yes : null,
      note, reason ? w.chair(reason) : null,
    ];
  });
  rows.push([]);
  if (decisions.length > 0) {
    rows.push([w.decisions]);
    for (const d of decisions) rows.push([w.decision(d.entrantIds.map((id) => name(String(id))).join(' > '), d.reason, d.createdAt)]);
    rows.push([]);
  }
  rows.push([`${w.fingerprint} ${result.fingerprint}`], [status ? (status.publishedAt ? w.published(status.publishedAt) : w.snapshot(status.createdAt)) : w.notFrozen]);
  return { header: w.header(w.methods[result.method] ?? result.method, final), rows };
}
