/**
 * The prediction stages' reasons and notes in the output language: the engine gives each a key
 * and values beside its English text (src/engine/clv/reasons.ts); analyses without keys (older
 * JSON, hand-built fixtures) show the English text as it is. The Summary and Clusters sheets and
 * the task pane all use these, so they say the same thing.
 */
import { messageIn, t, type Lang } from '../i18n';
import type { ClvReport, KeyedReason } from '../engine';
import type { Analysis } from '../engine';

/**
 * A skip or fallback reason in the language.
 * @param r the reason (`reason` in English, with `key`/`params` when keyed)
 * @param lang output language
 * @returns the text
 */
export function reasonIn(r: KeyedReason, lang: Lang): string {
  return messageIn({ key: r.key, params: r.params, text: r.reason }, lang);
}

/** One note of a run: where it comes from (its string key, when it has one) and its text. */
export interface NoteItem {
  key?: string;
  text: string;
}

/** The purchase model's notes with their keys (see modelNotesIn). */
function modelNoteItems(clv: ClvReport, lang: Lang): NoteItem[] {
  const notes: NoteItem[] = clv.keyedNotes ? clv.keyedNotes.map((n) => ({ key: n.key, text: messageIn(n, lang) })) : clv.notes.map((text) => ({ text }));
  if (clv.holdout && !('byFrequency' in clv.holdout)) notes.push({ key: 'predict.holdout.skipped', text: t(lang, 'predict.holdout.skipped', { reason: reasonIn(clv.holdout, lang) }) });
  return notes;
}

/**
 * The purchase model's notes (fallbacks, penalised fits, almost no dropout, options out of range)
 * and, when the holdout check could not be made, why.
 * @param clv the model result
 * @param lang output language
 * @returns one sentence per note
 */
export function modelNotesIn(clv: ClvReport, lang: Lang): string[] {
  return modelNoteItems(clv, lang).map((n) => n.text);
}

/**
 * Everything the user should know about a run, with each note's key (so a host can say it in
 * plainer words): how the input was read (day/month order, mixed date forms, duplicate headers),
 * the purchase model's notes, and why clustering did not run (unless the user turned it off).
 * @param analysis the analysis
 * @param lang output language
 * @returns the notes, input notes first
 */
export function analysisNoteItems(analysis: Analysis, lang: Lang): NoteItem[] {
  const items: NoteItem[] = (analysis.notes ?? []).map((n) => ({ key: n.key, text: messageIn(n, lang) }));
  if (analysis.clv?.status === 'ok') items.push(...modelNoteItems(analysis.clv, lang));
  const clusters = analysis.clusters;
  if (clusters?.status === 'skipped' && clusters.key !== 'predict.clusters.off') {
    items.push({ key: 'report.clusters.none', text: t(lang, 'report.clusters.none', { reason: reasonIn(clusters, lang) }) });
  }
  return items;
}

/**
 * Everything the user should know about a run, in the language (see analysisNoteItems).
 * @param analysis the analysis
 * @param lang output language
 * @returns one sentence per note, input notes first
 */
export function analysisNotesIn(analysis: Analysis, lang: Lang): string[] {
  return analysisNoteItems(analysis, lang).map((n) => n.text);
}
