/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
 *
 * Pure integer arithmetic (Howard Hinnant's days_from_civil / civil_from_days): no Date objects,
 * so results are identical in every time zone and across daylight-saving changes.
 */
import type { DayNumber } from './types';

/** A calendar date as three numbers; month 1..12, day 1..31. */
export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

/**
 * True for a Gregorian leap year.
 * @example isGregorianLeapYear(2024) === true; isGregorianLeapYear(1900) === false
 */
export function isGregorianLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a Gregorian month.
 * @param year any year
 * @param month 1..12
 */
export function gregorianMonthLength(year: number, month: number): number {
  if (month === 2) return isGregorianLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True when the Gregorian date exists (integers, month 1..12, day within the month).
 * @example isValidGregorianDate(2021, 2, 30) === false
 */
export function isValidGregorianDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= gregorianMonthLength(year, month);
}

/**
 * Day number of a Gregorian date; no validation (use isValidGregorianDate first). O(1).
 * @example gregorianToDayNumber(1970, 1, 1) === 0; gregorianToDayNumber(2025, 3, 21) === 20168
 */
export function gregorianToDayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Gregorian date of a day number. O(1).
 * @example dayNumberToGregorian(0) // { year: 1970, month: 1, day: 1 }
 */
export function dayNumberToGregorian(dayNumber: DayNumber): YearMonthDay {
  const z = Math.floor(dayNumber) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * Formats a day number as ISO `YYYY-MM-DD`.
 * @example formatIsoDate(20168) === '2025-03-21'
 */
export function formatIsoDate(dayNumber: DayNumber): string {
  const g = dayNumberToGregorian(dayNumber);
  return `${String(g.year).padStart(4, '0')}-${pad2(g.month)}-${pad2(g.day)}`;
}

/** Two-digit zero-padded text of 0..99. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
