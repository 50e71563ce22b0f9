import type { Lang } from '@palmares/contract';

/**
 * The scorecards CSV's words in the export's language (issue 15 point 7): its headers and the
 * values it enumerates (round kinds, statuses), as the results CSV already does.
 */
interface ScorecardWords {
  header: (criteria: string[]) => string[];
  round: Record<string, string>;
  status: Record<string, string>;
}

export const SCORECARD_WORDS: Record<Lang, ScorecardWords> = {
  en: {
    header: (criteria) => ['round', 'juror', 'startup', 'axis', 'status', ...criteria, 'total', 'corrections', 'feedback', 'submitted at', 'event log check'],
    round: { shortlist: 'round 1 (shortlist)', final: 'final' },
    status: { draft: 'draft', submitted: 'submitted', recused: 'conflict of interest', missing: 'missing from the database' },
  },
  fr: {
    header: (criteria) => ['tour', 'juré', 'startup', 'axe', 'statut', ...criteria, 'total', 'corrections', 'retour', 'soumise le', 'contrôle du journal'],
    round: { shortlist: 'tour 1 (présélection)', final: 'finale' },
    status: { draft: 'brouillon', submitted: 'soumise', recused: 'conflit d’intérêts', missing: 'absente de la base' },
  },
  ar: {
    header: (criteria) => ['الدور', 'عضو اللجنة', 'الشركة الناشئة', 'المحور', 'الحالة', ...criteria, 'المجموع', 'التصحيحات', 'الملاحظات', 'تاريخ الإرسال', 'مراجعة السجل'],
    round: { shortlist: 'الدور الأول (الانتقاء)', final: 'النهائي' },
    status: { draft: 'مسودة', submitted: 'مرسلة', recused: 'تضارب مصالح', missing: 'مفقودة من قاعدة البيانات' },
  },
};
