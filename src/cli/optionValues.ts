/**
 * Validation of single option values of `rfm`: each parser returns the value or throws a
 * UsageError whose one-line message names the flag and what it accepts.
 */
import type { Thresholds } from '../engine';
import { CLUSTERS_LIMIT, describeLimit, parseDecimalOption, withinLimit, type NumberLimit } from '../engine';
import { parseIsoDay } from './format';

/** A bad command line: the message is one line and main() exits 2 with it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Column delimiters the readers understand; 'whitespace' = runs of spaces or tabs. */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

/**
 * Checks that a value is one of the allowed words.
 * @returns the value, or undefined when the option was not given
 * @throws UsageError otherwise
 */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const lower = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  throw new UsageError(`--${flag} must be ${allowed.join(' | ')}, got '${value}'`);
}

/**
 * A plain decimal number within an option's limit (engine/optionLimits.ts); the one check and
 * message behind every numeric option. Hex (`0x5`), exponents and `Infinity` are refused.
 * @throws UsageError naming the flag, the range and the value given
 */
export function limitedOption(flag: string, value: string, limit: NumberLimit): number {
  const n = parseDecimalOption(value);
  if (n === undefined || !withinLimit(limit, n)) throw new UsageError(`--${flag} must be ${describeLimit(limit)}, got '${value}'`);
  return n;
}

/** A whole number in [min, max], in plain decimal. */
export function integerOption(flag: string, value: string, min: number, max: number): number {
  return limitedOption(flag, value, { min, max, whole: true });
}

/** A number in [min, max], in plain decimal. */
export function numberOption(flag: string, value: string, min: number, max: number): number {
  return limitedOption(flag, value, { min, max, whole: false });
}

/** A YYYY-MM-DD calendar day as a day number. */
export function dayOption(flag: string, value: string): number {
  const day = parseIsoDay(value.trim());
  if (day === undefined) throw new UsageError(`--${flag} must be a date YYYY-MM-DD, got '${value}'`);
  return day;
}

/**
 * Parses `--delimiter`: a character or a name.
 * @param value `,` `;` `|` `tab` `\t` `whitespace` `space` `comma` `semicolon` `pipe`
 * @returns the delimiter
 * @throws UsageError for anything else
 */
export function parseDelimiter(value: string): Delimiter {
  const names: Record<string, Delimiter> = {
    ',': ',', comma: ',', ';': ';', semicolon: ';', '|': '|', pipe: '|',
    '\t': '\t', '\\t': '\t', tab: '\t', whitespace: 'whitespace', space: 'whitespace', ' ': 'whitespace',
  };
  const found = names[value.toLowerCase()];
  if (!found) throw new UsageError(`--delimiter must be , ; | tab or whitespace, got '${value}'`);
  return found;
}

/**
 * Parses `--clusters K|auto|off`.
 * @throws UsageError unless K is a whole number from 2 to 8
 */
export function parseClusters(value: string): number | 'auto' | 'off' {
  const lower = value.trim().toLowerCase();
  if (lower === 'auto' || lower === 'off') return lower;
  const k = parseDecimalOption(lower);
  if (k === undefined || !withinLimit(CLUSTERS_LIMIT, k)) {
    throw new UsageError(`--clusters must be ${describeLimit(CLUSTERS_LIMIT)}, auto or off, got '${value}'`);
  }
  return k;
}

/** Dimension names accepted in `--thresholds`. */
const THRESHOLD_KEYS: Record<string, keyof Thresholds> = {
  l: 'length', length: 'length', r: 'recency', recency: 'recency',
  f: 'frequency', frequency: 'frequency', m: 'monetary', monetary: 'monetary',
};

/**
 * Parses `--thresholds "r=30,90,180,365;f=2,3,5,8;m=100,250,500,1000;l=..."`: per dimension,
 * bins - 1 ascending cut points (recency in days, as the engine takes them).
 * @param value the option text
 * @param bins the number of bins in force
 * @returns the thresholds
 * @throws UsageError when a part is malformed, not ascending or of the wrong count
 */
export function parseThresholds(value: string, bins: number): Thresholds {
  const thresholds: Thresholds = {};
  for (const part of value.split(';')) {
    if (part.trim() === '') continue;
    const match = /^\s*([a-zA-Z]+)\s*[=:]\s*(.*)$/.exec(part);
    const key = match ? THRESHOLD_KEYS[match[1].toLowerCase()] : undefined;
    if (!match || !key) throw new UsageError(`--thresholds: cannot read '${part.trim()}'; use r=...;f=...;m=... (and l=...)`);
    if (thresholds[key]) throw new UsageError(`--thresholds: ${key} is given twice; give each of r, f, m (and l) once`);
    const parsed = match[2].split(',').map(parseDecimalOption);
    const cuts = parsed.filter((n): n is number => n !== undefined);
    if (cuts.length !== parsed.length) {
      throw new UsageError(`--thresholds: ${key} has a value that is not a plain decimal number: '${match[2]}'`);
    }
    if (cuts.some((n, i) => i > 0 && n <= cuts[i - 1])) throw new UsageError(`--thresholds: ${key} cut points must be ascending: '${match[2]}'`);
    if (cuts.length !== bins - 1) throw new UsageError(`--thresholds: ${key} needs ${bins - 1} cut points for ${bins} bins, got ${cuts.length}`);
    thresholds[key] = cuts;
  }
  for (const key of ['recency', 'frequency', 'monetary'] as const) {
    if (!thresholds[key]) throw new UsageError(`--thresholds: missing ${key} (${key[0]}=...)`);
  }
  return thresholds;
}

/**
 * Parses `--churn-thresholds ACTIVE,CHURNED` (P(alive) bounds, 0..1, churned < active).
 * @throws UsageError otherwise
 */
export function parseChurnThresholds(value: string): { active: number; churned: number } {
  const parts = value.split(',').map(parseDecimalOption);
  const [active, churned] = parts;
  if (parts.length !== 2 || active === undefined || churned === undefined || !(churned >= 0 && churned < active && active <= 1)) {
    throw new UsageError(`--churn-thresholds must be ACTIVE,CHURNED with 0 <= churned < active <= 1, got '${value}'`);
  }
  return { active, churned };
}

/**
 * Node's parseArgs messages start with a capital ("Unknown option '--x'"); ours do not.
 * @param text the message
 * @returns the message with a lower-case first letter
 */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
