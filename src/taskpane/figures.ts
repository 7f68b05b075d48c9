/**
 * Headline figures that fit a 320 px pane: up to six digits as they are (1,713), larger ones
 * shortened to three significant digits and a word (2.53 B, ۲٫۵۳ میلیارد), always with the exact
 * value beside for hover (title) and screen readers (aria-label). Rounded, never cut.
 */
import { t, type Lang } from '../i18n';
import { formatNumber } from './lang';

/** A figure as shown and in full. */
export interface ShownFigure {
  /** What the pane shows. */
  text: string;
  /** The exact value, formatted. */
  full: string;
  shortened: boolean;
}

/** Values from this size on are shortened (seven digits no longer fit a third of 320 px). */
export const SHORTEN_FROM = 1_000_000;

/** Powers of a thousand and their string keys, largest first. */
const SCALES: [number, string][] = [
  [1e12, 'pane.number.trillion'],
  [1e9, 'pane.number.billion'],
  [1e6, 'pane.number.million'],
];

/** Rounds to three significant digits (2.5272 → 2.53, 15.226 → 15.2, 152.26 → 152). */
function threeSignificant(value: number): { rounded: number; fractionDigits: number } {
  const fractionDigits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const factor = 10 ** fractionDigits;
  return { rounded: Math.round(value * factor) / factor, fractionDigits };
}

/**
 * A figure for the pane.
 * @param lang the language (Persian digits and words in Persian)
 * @param value the number
 * @returns its shown text, its exact text, and whether it was shortened
 * @example figureText('en', 2_527_200_000) // { text: '2.53 B', full: '2,527,200,000', shortened: true }
 */
export function figureText(lang: Lang, value: number): ShownFigure {
  const full = formatNumber(lang, value);
  const size = Math.abs(value);
  if (!(size >= SHORTEN_FROM)) return { text: full, full, shortened: false };
  // The largest scale whose rounded value stays below 1000 (999,999,999 is 1 B, not 1000 M).
  for (let i = SCALES.length - 1; i >= 0; i--) {
    const [scale, key] = SCALES[i];
    const { rounded, fractionDigits } = threeSignificant(size / scale);
    if (rounded < 1000 || i === 0) {
      const n = formatNumber(lang, Math.sign(value) * rounded, fractionDigits);
      return { text: t(lang, key, { n }), full, shortened: true };
    }
  }
  return { text: full, full, shortened: false };
}
