/** Types for the parts of `jalaali-js` (CommonJS, ships no types) that src/engine/jalali.ts uses. */
declare module 'jalaali-js' {
  /** Julian Day Number of a Jalali date (no validation). */
  export function j2d(jy: number, jm: number, jd: number): number;
  /** Jalali date of a Julian Day Number. */
  export function d2j(jdn: number): { jy: number; jm: number; jd: number };
  /** True when the Jalali date exists (year -61..3177). */
  export function isValidJalaaliDate(jy: number, jm: number, jd: number): boolean;
  /** True for a 366-day Jalali year. */
  export function isLeapJalaaliYear(jy: number): boolean;
  /** Days in a Jalali month (29..31). */
  export function jalaaliMonthLength(jy: number, jm: number): number;
}
