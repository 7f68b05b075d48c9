/**
 * A cell's text as its number format says, for the preview's sheet viewer: the subset of Excel's
 * format codes our workbooks use (ECMA-376 Part 1, 18.8.31 numFmt): sections `pos;neg;zero;text`,
 * `0`/`#` digits with `,` grouping and `.` decimals, `%`, quoted text ("ریال"), dates (yyyy, yy,
 * mm, m, dd, d), and the locale prefix `[$-NNCCLLLL]`: numerals NN = 03 give Persian digits,
 * calendar CC = 0x16 the Jalali calendar, locale LLLL = 0x0429 (fa-IR) Persian separators.
 * Anything else is shown as General (the value, up to 11 significant digits, as Excel does).
 */
import { EXCEL_EPOCH_OFFSET } from '../engine';
import { dayNumberToGregorian, pad2 } from '../engine';
import { dayNumberToJalali, toPersianDigits } from '../engine';

/** What the locale prefix asks for. */
interface Locale {
  persianDigits: boolean;
  jalali: boolean;
  persianSeparators: boolean;
}

const NUMERALS_PERSIAN = 0x03;
const CALENDAR_JALALI = 0x16;
const LOCALE_FA_IR = 0x0429;

function localeOf(section: string): Locale {
  const legacy = /\[\$-([0-9A-Fa-f]{1,8})\]/.exec(section);
  if (legacy) {
    const code = parseInt(legacy[1], 16);
    return { persianDigits: ((code >>> 24) & 0xff) === NUMERALS_PERSIAN, jalali: ((code >>> 16) & 0xff) === CALENDAR_JALALI, persianSeparators: (code & 0xffff) === LOCALE_FA_IR };
  }
  const tagged = /\[\$-fa(-IR)?(,(\d+))?\]/i.exec(section);
  return { persianDigits: false, jalali: tagged?.[3] === '16', persianSeparators: tagged !== null };
}

/** Splits a format code into sections at `;` outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The section without brackets, quotes' contents and escapes: what decides the kind of format. */
function bare(section: string): string {
  return section.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '').replace(/\\.|_.|\*./g, '');
}

function isDateSection(section: string): boolean {
  return /[ymd]/i.test(bare(section));
}

/** Literal text of a piece of a format: quoted text, escaped characters, spaces for `_x`, brackets dropped. */
function literal(piece: string): string {
  return piece.replace(/\[[^\]]*\]/g, '').replace(/"([^"]*)"/g, '$1').replace(/_./g, ' ').replace(/\*./g, '').replace(/\\(.)/g, '$1');
}

function formatDate(serial: number, section: string, locale: Locale): string {
  const whole = Math.floor(serial);
  if (whole < 61) return String(serial);
  const day = whole - EXCEL_EPOCH_OFFSET;
  const ymd = locale.jalali ? dayNumberToJalali(day) : dayNumberToGregorian(day);
  const code = section.replace(/\[[^\]]*\]/g, '').replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const text = code.replace(/yyyy|yy|mm|m|dd|d/gi, (token) => {
    const t = token.toLowerCase();
    if (t === 'yyyy') return String(ymd.year).padStart(4, '0');
    if (t === 'yy') return pad2(ymd.year % 100);
    if (t === 'mm') return pad2(ymd.month);
    if (t === 'm') return String(ymd.month);
    if (t === 'dd') return pad2(ymd.day);
    return String(ymd.day);
  });
  return locale.persianDigits ? toPersianDigits(text) : text;
}

function formatNumberSection(value: number, section: string, locale: Locale, negativeSign: boolean): string {
  const code = section.replace(/\[[^\]]*\]/g, (m) => (m.startsWith('[$') && !m.startsWith('[$-') ? m.slice(2, m.indexOf('-') > 0 ? m.indexOf('-') : -1) : ''));
  // Digit placeholders outside quotes: the numeric core lies between the first and the last.
  const masked = code.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length)).replace(/\\.|_.|\*./g, '  ');
  const first = masked.search(/[0#?]/);
  if (first < 0) return literal(code);
  const last = masked.length - 1 - [...masked].reverse().join('').search(/[0#?]/);
  const core = masked.slice(first, last + 1);
  const prefix = literal(code.slice(0, first));
  const suffix = literal(code.slice(last + 1));
  const percent = masked.includes('%');
  const point = core.indexOf('.');
  const decimals = point < 0 ? '' : core.slice(point + 1);
  const shown = Math.abs(value) * (percent ? 100 : 1);
  let text = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: (decimals.match(/0/g) ?? []).length,
    maximumFractionDigits: (decimals.match(/[0#?]/g) ?? []).length,
    useGrouping: core.includes(','),
  }).format(shown);
  if (locale.persianSeparators) text = text.replace(/[,.]/g, (c) => (c === ',' ? '\u066C' : '\u066B'));
  let out = `${negativeSign && value < 0 ? '-' : ''}${prefix}${text}${suffix}`;
  if (locale.persianSeparators) out = out.replace('%', '\u066A');
  return locale.persianDigits ? toPersianDigits(out) : out;
}

/** General: up to 11 significant digits (Excel's General in a standard-width column). */
function general(value: number): string {
  return String(Number(value.toPrecision(11)));
}

/**
 * A cell's displayed text.
 * @param value the cell's value
 * @param format its number format ('General' when none)
 * @returns the text Excel would show (within the subset above)
 * @example formatCellText(2527200000, '[$-3000429]#,##0') === '۲٬۵۲۷٬۲۰۰٬۰۰۰'
 */
export function formatCellText(value: string | number | boolean, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  const parts = sections(format);
  const hasNegative = parts.length > 1 && parts[1].trim() !== '';
  const section = value < 0 && hasNegative ? parts[1] : value === 0 && parts.length > 2 && parts[2].trim() !== '' ? parts[2] : parts[0];
  const locale = localeOf(section);
  const kind = bare(section).trim();
  if (kind === '' || /^general$/i.test(kind) || kind === '@') {
    const text = general(value);
    return locale.persianDigits ? toPersianDigits(text) : text;
  }
  if (isDateSection(section)) return formatDate(value, section, locale);
  return formatNumberSection(value, section, locale, !(value < 0 && hasNegative));
}
