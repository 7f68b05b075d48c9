import fc from 'fast-check';
import {
  dayNumberToJalali,
  formatJalali,
  gregorianToJalali,
  isJalaliLeapYear,
  isValidJalaliDate,
  jalaliMonthLength,
  jalaliToDayNumber,
  jalaliToGregorian,
  toPersianDigits,
} from '../../src/engine/jalali';

/** Day number of a Gregorian date via Date.UTC (an independent route to the same number). */
const utcDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86400000;

describe('Jalali ↔ Gregorian on known pairs', () => {
  // Pairs from published calendars: Nowruz days, the Esfand 30 of leap years, the 1979 revolution
  // day (22 Bahman 1357 = 11 Feb 1979) and the Unix epoch (11 Dey 1348 = 1 Jan 1970).
  const pairs: [[number, number, number], [number, number, number]][] = [
    [[1403, 12, 30], [2025, 3, 20]],
    [[1404, 1, 1], [2025, 3, 21]],
    [[1399, 12, 30], [2021, 3, 20]],
    [[1400, 1, 1], [2021, 3, 21]],
    [[1402, 12, 29], [2024, 3, 19]],
    [[1403, 1, 1], [2024, 3, 20]],
    [[1401, 1, 1], [2022, 3, 21]],
    [[1401, 1, 2], [2022, 3, 22]],
    [[1379, 1, 1], [2000, 3, 20]],
    [[1378, 12, 10], [2000, 2, 29]],
    [[1402, 12, 10], [2024, 2, 29]],
    [[1357, 11, 22], [1979, 2, 11]],
    [[1348, 10, 11], [1970, 1, 1]],
  ];
  test.each(pairs)('%j ↔ %j', ([jy, jm, jd], [gy, gm, gd]) => {
    expect(jalaliToGregorian(jy, jm, jd)).toEqual({ year: gy, month: gm, day: gd });
    expect(gregorianToJalali(gy, gm, gd)).toEqual({ year: jy, month: jm, day: jd });
    expect(jalaliToDayNumber(jy, jm, jd)).toBe(utcDay(gy, gm, gd));
    expect(dayNumberToJalali(utcDay(gy, gm, gd))).toEqual({ year: jy, month: jm, day: jd });
  });

  test('the Unix epoch is day 0 and 1404/01/01 is day 20168', () => {
    expect(jalaliToDayNumber(1348, 10, 11)).toBe(0);
    expect(jalaliToDayNumber(1404, 1, 1)).toBe(20168);
  });
});

describe('leap years and month lengths', () => {
  test('1399 and 1403 are leap years (Esfand 30 exists); 1400, 1402 and 1404 are not', () => {
    for (const y of [1399, 1403]) {
      expect(isJalaliLeapYear(y)).toBe(true);
      expect(isValidJalaliDate(y, 12, 30)).toBe(true);
      expect(jalaliMonthLength(y, 12)).toBe(30);
    }
    for (const y of [1400, 1402, 1404]) {
      expect(isJalaliLeapYear(y)).toBe(false);
      expect(isValidJalaliDate(y, 12, 30)).toBe(false);
      expect(jalaliToDayNumber(y, 12, 30)).toBeUndefined();
    }
  });

  test('months 1–6 have 31 days, 7–11 have 30', () => {
    expect(jalaliMonthLength(1404, 6)).toBe(31);
    expect(isValidJalaliDate(1404, 6, 31)).toBe(true);
    expect(isValidJalaliDate(1404, 7, 31)).toBe(false);
    expect(isValidJalaliDate(1404, 13, 1)).toBe(false);
    expect(isValidJalaliDate(1404, 0, 1)).toBe(false);
    expect(isValidJalaliDate(1404, 1, 0)).toBe(false);
    expect(isValidJalaliDate(1404.5, 1, 1)).toBe(false);
  });

  test('Gregorian 2021-02-29 does not exist', () => {
    expect(gregorianToJalali(2021, 2, 29)).toBeUndefined();
  });
});

describe('every day of 1300–1500', () => {
  // ICU's Persian calendar (Intl, time zone UTC) is an independent implementation; it agrees with
  // the 33-year rule over these years.
  const icu = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  const icuJalali = (dayNumber: number): string => {
    const parts = icu.formatToParts(new Date(dayNumber * 86400000));
    const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}/${get('month')}/${get('day')}`;
  };

  test('round-trips, consecutive day numbers, and agreement with ICU', () => {
    let expected = jalaliToDayNumber(1300, 1, 1) as number;
    let checked = 0;
    for (let y = 1300; y <= 1500; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= jalaliMonthLength(y, m); d++) {
          const dn = jalaliToDayNumber(y, m, d);
          if (dn !== expected) throw new Error(`${y}/${m}/${d}: day ${dn}, expected ${expected}`);
          const back = dayNumberToJalali(dn);
          if (back.year !== y || back.month !== m || back.day !== d) throw new Error(`${y}/${m}/${d} came back as ${JSON.stringify(back)}`);
          if (icuJalali(dn) !== `${y}/${m}/${d}`) throw new Error(`${y}/${m}/${d}: ICU says ${icuJalali(dn)}`);
          expected++;
          checked++;
        }
      }
    }
    // 201 years of 365 or 366 days
    expect(checked).toBeGreaterThan(201 * 365);
    expect(checked).toBeLessThan(201 * 366);
  });

  test('Gregorian → Jalali → Gregorian for random days (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: utcDay(1921, 3, 21), max: utcDay(2121, 3, 20) }), (dn) => {
        const date = new Date(dn * 86400000);
        const g = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
        const j = gregorianToJalali(g.year, g.month, g.day);
        expect(j).toBeDefined();
        expect(jalaliToGregorian(j!.year, j!.month, j!.day)).toEqual(g);
      }),
    );
  });
});

describe('formatJalali', () => {
  test('Latin and Persian digits, zero-padded', () => {
    expect(formatJalali(20168)).toBe('1404/01/01');
    expect(formatJalali(20168, 'latin')).toBe('1404/01/01');
    expect(formatJalali(20168, 'persian')).toBe('۱۴۰۴/۰۱/۰۱');
    expect(formatJalali(utcDay(2025, 3, 20), 'persian')).toBe('۱۴۰۳/۱۲/۳۰');
    expect(formatJalali(utcDay(1979, 2, 11))).toBe('1357/11/22');
  });

  test('toPersianDigits keeps everything but digits', () => {
    expect(toPersianDigits('R 12-34/5')).toBe('R ۱۲-۳۴/۵');
  });
});
