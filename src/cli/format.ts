/**
 * Small text conversions the CLI needs in several places: calendar days and numbers as text.
 * Day numbers are whole days since 1970-01-01 (see engine/types.ts); the calendar arithmetic is
 * the engine's (engine/civil.ts), exact whatever the time zone.
 */
import { formatIsoDate, gregorianToDayNumber, isValidGregorianDate } from '../engine';

/**
 * Reads a strict `YYYY-MM-DD` calendar date.
 * @param text e.g. `2006-12-31`
 * @returns the day number, or undefined when the text is not a real date in that form
 * @example parseIsoDay('1970-01-02') // 1
 */
export function parseIsoDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidGregorianDate(year, month, day) ? gregorianToDayNumber(year, month, day) : undefined;
}

/** Writes a day number as `YYYY-MM-DD` (the engine's formatter). */
export const formatDay: (day: number) => string = formatIsoDate;

/**
 * Writes a number for CSV: integers as they are, other values rounded to 6 decimals with
 * trailing zeros dropped (no float noise such as 0.30000000000000004), non-finite as empty.
 * @param value the number
 * @returns its text
 * @example formatNumber(0.1 + 0.2) // '0.3'
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  const rounded = Math.round(value * 1e6) / 1e6;
  return String(rounded === 0 ? 0 : rounded);
}

/** One Intl formatter per number of decimals (Latin digits, `.` point, no separators, no `-0`). */
const FIXED = new Map<number, Intl.NumberFormat>();

/**
 * Writes a number for a data file with a fixed number of decimals: Latin digits, `.` as the
 * decimal point, no thousands separators, whatever the output language; non-finite as empty.
 * @param value the number
 * @param decimals digits after the point (0 for whole numbers)
 * @returns its text
 * @example formatFixed(45.5 / 3, 2) // '15.17'
 * @example formatFixed(1833333.67, 0) // '1833334'
 */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  let format = FIXED.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
    FIXED.set(decimals, format);
  }
  const text = format.format(value);
  // -0.001 rounds to "-0.00": a minus zero is zero
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * Writes a count with thousands separators for messages.
 * @example formatCount(541909) // '541,909'
 */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
