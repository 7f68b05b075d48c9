/**
 * The prediction stages' reasons and notes in the output language: the engine gives each a key
 * and values beside its English text (src/engine/clv/reasons.ts); analyses without keys (older
 * JSON, hand-built fixtures) show the English text as it is. The Summary and Clusters sheets and
 * the task pane all use these, so they say the same thing.
 */
import { messageIn, t, type Lang } from '../i18n';
import type { ClvReport, KeyedReason } from '../engine/clv/types';
import type { Analysis } from '../engine/types';

/**
 * A skip or fallback reason in the language.
 * @param r the reason (`reason` in English, with `key`/`params` when keyed)
 * @param lang output language
 * @returns the text
 */
export function reasonIn(r: KeyedReason, lang: Lang): string {
  return messageIn({ key: r.key, params: r.params, text: r.reason }, lang);
}

/**
 * The purchase model's notes (fallbacks, penalised fits, almost no dropout, options out of range)
 * and, when the holdout check could not be made, why.
 * @param clv the model result
 * @param lang output language
 * @returns one sentence per note
 */
export function modelNotesIn(clv: ClvReport, lang: Lang): string[] {
  const notes = clv.keyedNotes ? clv.keyedNotes.map((n) => messageIn(n, lang)) : [...clv.notes];
  if (clv.holdout && !('byFrequency' in clv.holdout)) notes.push(t(lang, 'predict.holdout.skipped', { reason: reasonIn(clv.holdout, lang) }));
  return notes;
}

/**
 * Everything the user should know about a run, in the language: how the input was read (day/month
 * order, mixed date forms, duplicate headers), the purchase model's notes, and why clustering did
 * not run (unless the user turned it off).
 * @param analysis the analysis
 * @param lang output language
 * @returns one sentence per note, input notes first
 */
export function analysisNotesIn(analysis: Analysis, lang: Lang): string[] {
  const notes = (analysis.notes ?? []).map((n) => messageIn(n, lang));
  if (analysis.clv?.status === 'ok') notes.push(...modelNotesIn(analysis.clv, lang));
  const clusters = analysis.clusters;
  if (clusters?.status === 'skipped' && clusters.key !== 'predict.clusters.off') {
    notes.push(t(lang, 'report.clusters.none', { reason: reasonIn(clusters, lang) }));
  }
  return notes;
}
