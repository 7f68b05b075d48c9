/**
 * Jalali (Solar Hijri) dates ↔ Gregorian dates ↔ day numbers, on top of `jalaali-js`
 * (the 33-year arithmetic rule used by the Iranian calendar for 1178–1633 SH).
 *
 * Pure: no Date objects, so results never depend on the machine's time zone.
 */
import { d2j, isLeapJalaaliYear, isValidJalaaliDate, j2d, jalaaliMonthLength } from 'jalaali-js';
import type { DayNumber } from './types';
import {
  dayNumberToGregorian,
  gregorianToDayNumber,
  isValidGregorianDate,
  pad2,
  type YearMonthDay,
} from './civil';

/** Julian Day Number of 1970-01-01 (day number 0). */
const JDN_EPOCH = 2440588;

/** Smallest and largest Jalali years jalaali-js supports. */
const MIN_JALALI_YEAR = -61;
const MAX_JALALI_YEAR = 3177;

/**
 * True when the Jalali date exists (e.g. 1403/12/30 does, 1404/12/30 does not).
 * @param year Jalali year
 * @param month 1..12
 * @param day 1..31
 */
export function isValidJalaliDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    isValidJalaaliDate(year, month, day)
  );
}

/**
 * True for a Jalali leap year (Esfand has 30 days), e.g. 1399 and 1403.
 * @param year Jalali year
 */
export function isJalaliLeapYear(year: number): boolean {
  return isLeapJalaaliYear(year);
}

/**
 * Days in a Jalali month: 31 for months 1–6, 30 for 7–11, 29 or 30 for Esfand.
 * @param year Jalali year
 * @param month 1..12
 */
export function jalaliMonthLength(year: number, month: number): number {
  return jalaaliMonthLength(year, month);
}

/**
 * Day number of a Jalali date, or undefined when the date does not exist.
 * @example jalaliToDayNumber(1404, 1, 1) === 20168 // 2025-03-21
 */
export function jalaliToDayNumber(year: number, month: number, day: number): DayNumber | undefined {
  if (!isValidJalaliDate(year, month, day)) return undefined;
  return j2d(year, month, day) - JDN_EPOCH;
}

/**
 * Jalali date of a day number.
 * @throws RangeError outside the years jalaali-js covers (about 560–3800 CE)
 * @example dayNumberToJalali(20168) // { year: 1404, month: 1, day: 1 }
 */
export function dayNumberToJalali(dayNumber: DayNumber): YearMonthDay {
  const j = d2j(Math.floor(dayNumber) + JDN_EPOCH);
  if (j.jy < MIN_JALALI_YEAR || j.jy > MAX_JALALI_YEAR) {
    throw new RangeError(`day ${dayNumber} is outside the Jalali calendar's supported range`);
  }
  return { year: j.jy, month: j.jm, day: j.jd };
}

/**
 * Gregorian date of a Jalali date, or undefined when the Jalali date does not exist.
 * @example jalaliToGregorian(1403, 12, 30) // { year: 2025, month: 3, day: 20 }
 */
export function jalaliToGregorian(year: number, month: number, day: number): YearMonthDay | undefined {
  const dn = jalaliToDayNumber(year, month, day);
  return dn === undefined ? undefined : dayNumberToGregorian(dn);
}

/**
 * Jalali date of a Gregorian date, or undefined when the Gregorian date does not exist.
 * @example gregorianToJalali(2025, 3, 21) // { year: 1404, month: 1, day: 1 }
 */
export function gregorianToJalali(year: number, month: number, day: number): YearMonthDay | undefined {
  if (!isValidGregorianDate(year, month, day)) return undefined;
  return dayNumberToJalali(gregorianToDayNumber(year, month, day));
}

/**
 * Formats a day number as a Jalali date `YYYY/MM/DD`, with Latin or Persian (۰–۹) digits.
 * @example formatJalali(20168, 'persian') === '۱۴۰۴/۰۱/۰۱'
 */
export function formatJalali(dayNumber: DayNumber, digits: 'latin' | 'persian' = 'latin'): string {
  const j = dayNumberToJalali(dayNumber);
  const text = `${String(j.year).padStart(4, '0')}/${pad2(j.month)}/${pad2(j.day)}`;
  return digits === 'persian' ? toPersianDigits(text) : text;
}

/**
 * Replaces Latin digits 0–9 with Persian digits ۰–۹ (other characters unchanged).
 * @example toPersianDigits('1404/01/15') === '۱۴۰۴/۰۱/۱۵'
 */
export function toPersianDigits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 48 && c <= 57 ? String.fromCharCode(c - 48 + 0x06f0) : text[i];
  }
  return out;
}
