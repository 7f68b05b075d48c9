/**
 * Dates written with month names: `9 Dec 2011`, `09-Dec-11`, `Dec 9, 2011`,
 * `Friday, 9 December 2011 08:50`, and Jalali `15 فروردین 1404` or `15 Farvardin 1404`
 * (digits already Latin). A slow path: only text the fast scanner cannot read comes here.
 */
import type { YearMonthDay } from './civil';

/** Month names → month number; Jalali months are 101..112. */
const MONTHS = new Map<string, number>();
[
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
  ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'],
  ['december', 'dec'],
].forEach((names, i) => names.forEach((n) => MONTHS.set(n, i + 1)));
[
  ['فروردین', 'farvardin'], ['اردیبهشت', 'ordibehesht'], ['خرداد', 'khordad'], ['تیر', 'tir'],
  ['مرداد', 'امرداد', 'mordad', 'amordad'], ['شهریور', 'shahrivar'], ['مهر', 'mehr'], ['آبان', 'aban'],
  ['آذر', 'azar'], ['دی', 'dey', 'dei'], ['بهمن', 'bahman'], ['اسفند', 'esfand'],
].forEach((names, i) => names.forEach((n) => MONTHS.set(n, 101 + i)));

/** Weekday words that may lead a date and are ignored. */
const WEEKDAYS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'شنبه', 'یکشنبه', 'دوشنبه', 'سه', 'سهشنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه',
]);

/** A date read from month-name text; `jalali` when the month is a Solar Hijri month. */
export interface NamedDate extends YearMonthDay {
  jalali: boolean;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0x200c || (c >= 0x0621 && c <= 0x06d5);
}

function normalizeWord(word: string): string {
  let out = '';
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x200c) continue;
    out += c === 0x064a ? 'ی' : c === 0x0643 ? 'ک' : lower[i];
  }
  return out;
}

/**
 * Reads `d Month y`, `Month d y` or `y Month d` (separators: spaces, commas, `-`, `/`, `.`), after an
 * optional weekday; a time may follow. 2-digit years: 00–29 → 2000s, 30–99 → 1900s (Gregorian only).
 * @returns the parts, or undefined when the text is not such a date (no calendar check here)
 */
export function parseMonthNameDate(text: string): NamedDate | undefined {
  const numbers: { value: number; digits: number }[] = [];
  let month = 0;
  let order = ''; // 'n' number, 'm' month, in the order met
  let i = 0;
  const n = text.length;
  while (i < n && order.length < 3) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let v = 0;
      const start = i;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) v = v * 10 + text.charCodeAt(i++) - 48;
      numbers.push({ value: v, digits: i - start });
      order += 'n';
    } else if (isLetter(c)) {
      const start = i;
      while (i < n && isLetter(text.charCodeAt(i))) i++;
      const word = normalizeWord(text.slice(start, i));
      const m = MONTHS.get(word);
      if (m !== undefined && month === 0) { month = m; order += 'm'; }
      else if (!(order === '' && WEEKDAYS.has(word))) return undefined;
    } else if (c === 32 || c === 44 || c === 45 || c === 47 || c === 46 || c === 0xa0 || c === 0x060c || c === 9) {
      i++;
    } else {
      return undefined;
    }
  }
  if (order.length < 3 || month === 0) return undefined;
  if (i < n && !isTrailingTime(text, i)) return undefined;
  let day: { value: number; digits: number };
  let year: { value: number; digits: number };
  if (order === 'nmn') [day, year] = numbers[0].digits === 4 ? [numbers[1], numbers[0]] : [numbers[0], numbers[1]];
  else if (order === 'mnn') [day, year] = [numbers[0], numbers[1]];
  else return undefined;
  if (day.digits > 2 || (year.digits !== 4 && year.digits !== 2)) return undefined;
  const jalali = month > 100;
  if (jalali && year.digits !== 4) return undefined;
  const fullYear = year.digits === 4 ? year.value : year.value < 30 ? 2000 + year.value : 1900 + year.value;
  return { year: fullYear, month: jalali ? month - 100 : month, day: day.value, jalali };
}

/** After the date: nothing but separators, or a separator and then a time starting with a digit. */
function isTrailingTime(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 32 && c !== 84 && c !== 44) return false;
  let j = i;
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 44 || text.charCodeAt(j) === 84)) j++;
  if (j >= text.length) return true;
  const d = text.charCodeAt(j);
  return d >= 48 && d <= 57;
}
