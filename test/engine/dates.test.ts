import fc from 'fast-check';
import * as XLSX from 'xlsx';
import {
  classifyDateCell,
  DATE_BLANK,
  parseDateColumnBy,
  dayNumberToExcelSerial,
  DEFAULT_DAY_MONTH_ORDER,
  excelNumberToDayNumber,
  formatIsoDate,
  formatYyyymmdd,
  makeDateParser,
  parseDateCell,
  resolveDateColumn,
} from '../../src/engine/dates';
import { formatJalali, toPersianDigits } from '../../src/engine/jalali';

// Day numbers worked out by hand: days from 1970-01-01 = 365 per year + one per leap day + day of year.
// 2011-01-01 = 41*365 + 10 = 14975; 2011-12-09 = 14975 + 342 = 15317.
const DEC_9_2011 = 15317;
// 2025-01-01 = 55*365 + 14 = 20089; 2025-03-21 = 20089 + 31 + 28 + 20 = 20168.
const MAR_21_2025 = 20168;
// 2024-01-01 = 54*365 + 13 = 19723.
const JAN_1_2024 = 19723;
// 2022-01-01 = 52*365 + 13 = 18993.
const JAN_1_2022 = 18993;

describe('time zones', () => {
  test(`runs under TZ=${process.env.TZ ?? '(unset)'}: results never depend on it`, () => {
    // DST changes: New York 2024-03-10 and 2024-11-03; Tehran's last DST start 2022-03-22 (1401/01/02).
    expect(parseDateCell('2024-03-10')).toBe(JAN_1_2024 + 31 + 29 + 9);
    expect(parseDateCell('2024-03-10 02:30:00')).toBe(JAN_1_2024 + 69);
    expect(parseDateCell('2024-11-03 01:30:00')).toBe(JAN_1_2024 + 305 + 2);
    expect(parseDateCell('2024-11-03T23:59:59-05:00')).toBe(JAN_1_2024 + 307);
    expect(parseDateCell('2022-03-22')).toBe(JAN_1_2022 + 31 + 28 + 21);
    expect(parseDateCell('1401/01/01')).toBe(JAN_1_2022 + 31 + 28 + 20);
    expect(parseDateCell('1401/01/02')).toBe(JAN_1_2022 + 80);
    expect(parseDateCell('2022-03-21T00:30:00+03:30')).toBe(JAN_1_2022 + 79);
    expect(parseDateCell(dayNumberToExcelSerial(JAN_1_2024 + 69) + 0.1)).toBe(JAN_1_2024 + 69);
  });
});

describe('Excel serial numbers', () => {
  test('epoch, today-ish and fractional serials', () => {
    expect(excelNumberToDayNumber(25569)).toBe(0);
    expect(excelNumberToDayNumber(45737)).toBe(MAR_21_2025);
    expect(excelNumberToDayNumber(45737.75)).toBe(MAR_21_2025);
    expect(excelNumberToDayNumber(40886.3680555)).toBe(DEC_9_2011);
    expect(parseDateCell(40886)).toBe(DEC_9_2011);
    expect(parseDateCell('40886')).toBe(DEC_9_2011);
    expect(parseDateCell('40886.5')).toBe(DEC_9_2011);
  });

  test("the 1900 leap-year bug: 60 is Excel's fictitious 1900-02-29 and is rejected", () => {
    // 1900-01-01 = -(70*365 + 17) = -25567 (leap days 1904..1968).
    expect(excelNumberToDayNumber(1)).toBe(-25567);
    expect(excelNumberToDayNumber(59)).toBe(-25567 + 58);
    expect(Number.isNaN(excelNumberToDayNumber(60))).toBe(true);
    expect(excelNumberToDayNumber(61)).toBe(-25567 + 59);
    expect(formatIsoDate(excelNumberToDayNumber(61))).toBe('1900-03-01');
    expect(parseDateCell(60)).toBeUndefined();
  });

  test('out-of-range numbers are no dates', () => {
    for (const v of [0, -1, 0.5, 2958466, Infinity, NaN]) expect(parseDateCell(v)).toBeUndefined();
    expect(parseDateCell(2958465)).toBe(formatToDay('9999-12-31'));
  });

  test('agrees with SheetJS (an independent reader) on random serials', () => {
    fc.assert(
      // whole seconds: SheetJS rounds a time to the second, the engine floors to the day;
      // SheetJS has no answer for times on 9999-12-31, so the last day is left out
      fc.property(fc.integer({ min: 1, max: 2958464 }), fc.integer({ min: 0, max: 86399 }), (whole, seconds) => {
        const serial = whole + seconds / 86400;
        const code = XLSX.SSF.parse_date_code(serial);
        const day = parseDateCell(serial);
        if (Math.floor(serial) === 60) return day === undefined;
        const iso = `${String(code.y).padStart(4, '0')}-${pad(code.m)}-${pad(code.d)}`;
        return day !== undefined && formatIsoDate(day) === iso;
      }),
    );
  });
});

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatToDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;
}

describe('text forms', () => {
  test.each([
    ['2011-12-09'],
    ['2011-12-09 08:50:00'],
    ['2011-12-09T08:50:00Z'],
    ['2011-12-09T23:30:00-05:00'],
    ['2011-12-09T00:30:00+14:00'],
    ['  2011-12-09  '],
    ['2011-12-9'],
    ['2011/12/09'],
    ['2011.12.09'],
    ['20111209'],
    ['20111209 08:50'],
    ['۲۰۱۱-۱۲-۰۹'],
    ['٢٠١١-١٢-٠٩'],
  ])('%s is 2011-12-09', (text) => {
    expect(parseDateCell(text)).toBe(DEC_9_2011);
  });

  test('YYYYMMDD as a number', () => {
    expect(parseDateCell(20111209)).toBe(DEC_9_2011);
    expect(parseDateCell(19000101)).toBe(-25567);
    expect(parseDateCell(29991231)).toBe(formatToDay('2999-12-31'));
    expect(parseDateCell(20210230)).toBeUndefined();
  });

  test.each([
    ['09/12/2011', 'dmy'],
    ['9/12/2011', 'dmy'],
    ['09.12.2011', 'dmy'],
    ['09-12-2011', 'dmy'],
    ['9/12/11', 'dmy'],
    ['12/09/2011', 'mdy'],
    ['12/9/11 8:50 PM', 'mdy'],
    ['09/12/2011, 08:50:00', 'dmy'],
    ['12/9/2011, 8:50:00 PM', 'mdy'],
    ['12-09-2011', 'mdy'],
  ] as const)('%s read as %s is 2011-12-09', (text, order) => {
    expect(parseDateCell(text, order)).toBe(DEC_9_2011);
  });

  test("two-digit years follow Excel's rule: 00–29 → 2000s, 30–99 → 1900s", () => {
    expect(formatIsoDate(parseDateCell('1/1/29') as number)).toBe('2029-01-01');
    expect(formatIsoDate(parseDateCell('1/1/30') as number)).toBe('1930-01-01');
    expect(formatIsoDate(parseDateCell('31/12/99') as number)).toBe('1999-12-31');
  });

  test('Jalali dates in Latin, Persian and Arabic-Indic digits', () => {
    // 1404/01/15 = 1404/01/01 + 14 days.
    const expected = MAR_21_2025 + 14;
    for (const text of ['1404/01/15', '1404-01-15', '1404/1/15', '۱۴۰۴/۰۱/۱۵', '١٤٠٤/٠١/١٥', '۱۴۰۴-۰۱-۱۵ ۱۰:۳۰']) {
      expect(parseDateCell(text)).toBe(expected);
    }
    expect(parseDateCell('15/01/1404')).toBe(expected);
    expect(parseDateCell('1403/12/30')).toBe(MAR_21_2025 - 1);
    expect(parseDateCell('1404/12/30')).toBeUndefined();
  });

  test.each([
    '2021-02-30', '2021-02-29', '2021-13-01', '2021-00-10', '2021-01-32', '31/04/2021', '13/13/2021',
    'hello', '2011-12-09x', '2011-12-09,', '2011-12-09, x', '2011-12', '12/2011', '1/2/3', '2011--12-09',
    '1150-01-01', '20211301', '#N/A',
  ])('%s is no date', (text) => {
    expect(parseDateCell(text)).toBeUndefined();
    expect(parseDateCell(text, 'mdy')).toBeUndefined();
  });

  test('leap days of the Gregorian calendar', () => {
    expect(formatIsoDate(parseDateCell('2024-02-29') as number)).toBe('2024-02-29');
    expect(formatIsoDate(parseDateCell('29/02/2000') as number)).toBe('2000-02-29');
    expect(parseDateCell('1900-02-29')).toBeUndefined();
    expect(parseDateCell('2100-02-29')).toBeUndefined();
  });

  test('blank, boolean and null cells', () => {
    for (const v of ['', '   ', null, undefined, true, false]) expect(parseDateCell(v)).toBeUndefined();
  });
});

describe('classifyDateCell', () => {
  test.each([
    [45737, 'serial'], [20111209, 'yyyymmdd'], ['20111209', 'yyyymmdd'], ['2011-12-09 08:50:00', 'iso'],
    ['2011/12/09', 'ymd'], ['1404/01/15', 'jalali'], ['۱۴۰۴/۰۱/۱۵', 'jalali'], ['13/01/2020', 'dmy'],
    ['01/13/2020', 'mdy'], ['03/04/2020', 'day-month'], ['hello', undefined], ['', undefined],
  ] as const)('%s → %s', (cell, form) => {
    expect(classifyDateCell(cell)).toBe(form);
  });
});

describe('resolveDateColumn', () => {
  test('a part > 12 decides the day/month order', () => {
    expect(resolveDateColumn(['03/04/2020', '25/12/2020'])).toMatchObject({ dayMonthOrder: 'dmy', dayMonthOrderSource: 'data', mixed: false });
    expect(resolveDateColumn(['03/04/2020', '12/25/2020'])).toMatchObject({ dayMonthOrder: 'mdy', dayMonthOrderSource: 'data', mixed: false });
    // the data wins over the option when it can tell
    expect(resolveDateColumn(['03/04/2020', '12/25/2020'], { dayMonthOrder: 'dmy' }).dayMonthOrder).toBe('mdy');
  });

  test('ambiguous everywhere: the option, else the documented default (dmy)', () => {
    expect(DEFAULT_DAY_MONTH_ORDER).toBe('dmy');
    expect(resolveDateColumn(['03/04/2020', '01/02/2020'], { dayMonthOrder: 'mdy' })).toMatchObject({ dayMonthOrder: 'mdy', dayMonthOrderSource: 'option' });
    expect(resolveDateColumn(['03/04/2020', '01/02/2020'])).toMatchObject({ dayMonthOrder: 'dmy', dayMonthOrderSource: 'default' });
  });

  test('no day/month cells: no order reported', () => {
    const r = resolveDateColumn(['2020-01-01', '2020-01-02', '', null]);
    expect(r).toEqual({ formCounts: { iso: 2 }, invalid: 0, blank: 2, mixed: false });
  });

  test('counts forms and invalid cells; flags mixed forms with a note', () => {
    const r = resolveDateColumn(['2020-01-01', 43831, 'nope', '1404/01/01']);
    expect(r.formCounts).toEqual({ iso: 1, serial: 1, jalali: 1 });
    expect(r.invalid).toBe(1);
    expect(r.mixed).toBe(true);
    expect(r.note).toContain('mixes date forms');
  });

  test('both d/m/y and m/d/y evidence: the majority wins, the conflict is reported', () => {
    const r = resolveDateColumn(['13/01/2020', '14/01/2020', '01/13/2020']);
    expect(r.dayMonthOrder).toBe('dmy');
    expect(r.mixed).toBe(true);
    expect(r.note).toContain('1 dates do not parse');
    const parse = makeDateParser(r);
    expect(Number.isNaN(parse('01/13/2020'))).toBe(true);
    expect(parse('13/01/2020')).toBe(formatToDay('2020-01-13'));
  });
});

describe('makeDateParser', () => {
  test('undefined for blank, NaN for a non-date, the day otherwise', () => {
    const parse = makeDateParser({ dayMonthOrder: 'mdy' });
    expect(parse('')).toBeUndefined();
    expect(parse(null)).toBeUndefined();
    expect(parse('  ')).toBeUndefined();
    expect(Number.isNaN(parse('x'))).toBe(true);
    expect(Number.isNaN(parse(true))).toBe(true);
    expect(parse('12/09/2011')).toBe(DEC_9_2011);
    expect(parse('۱۲/۰۹/۲۰۱۱')).toBe(DEC_9_2011);
    expect(parse('۱۲/۰۹/۲۰۱۱')).toBe(DEC_9_2011); // cached
  });
});

describe('properties: format a random day, parse it back', () => {
  const anyDay = fc.integer({ min: formatToDay('1900-03-01'), max: formatToDay('2999-12-31') });

  test('ISO, ISO date-time, YYYYMMDD text and number, Excel serial', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 86399 }), (day, seconds) => {
        const iso = formatIsoDate(day);
        const time = new Date(seconds * 1000).toISOString().slice(11, 19);
        expect(parseDateCell(iso)).toBe(day);
        expect(parseDateCell(`${iso} ${time}`)).toBe(day);
        expect(parseDateCell(`${iso}T${time}Z`)).toBe(day);
        expect(parseDateCell(formatYyyymmdd(day))).toBe(day);
        expect(parseDateCell(Number(formatYyyymmdd(day)))).toBe(day);
        expect(parseDateCell(dayNumberToExcelSerial(day) + seconds / 86400)).toBe(day);
        expect(iso).toBe(new Date(day * 86400000).toISOString().slice(0, 10));
      }),
    );
  });

  test('d/m/y and m/d/y through column resolution', () => {
    fc.assert(
      fc.property(fc.array(anyDay, { minLength: 1, maxLength: 30 }), fc.constantFrom('dmy', 'mdy'), fc.constantFrom('/', '.', '-'), (days, order, sep) => {
        const texts = days.map((d) => {
          const [y, m, dd] = formatIsoDate(d).split('-');
          return order === 'dmy' ? `${dd}${sep}${m}${sep}${y}` : `${m}${sep}${dd}${sep}${y}`;
        });
        const resolution = resolveDateColumn(texts, { dayMonthOrder: order });
        expect(resolution.dayMonthOrder).toBe(order);
        const parse = makeDateParser(resolution);
        texts.forEach((t, i) => expect(parse(t)).toBe(days[i]));
      }),
    );
  });

  test('Jalali text in Latin and Persian digits', () => {
    const jalaliDays = fc.integer({ min: formatToDay('1821-03-21'), max: formatToDay('2120-03-20') });
    fc.assert(
      fc.property(jalaliDays, (day) => {
        expect(parseDateCell(formatJalali(day, 'latin'))).toBe(day);
        expect(parseDateCell(formatJalali(day, 'persian'))).toBe(day);
        expect(parseDateCell(toPersianDigits(formatJalali(day).replace(/\//g, '-')))).toBe(day);
      }),
    );
  });
});

describe('month names (slow path)', () => {
  test.each([
    '9 Dec 2011', '09-Dec-2011', '09-Dec-11', '9 December 2011', 'Dec 9, 2011', 'December 9 2011',
    'Friday, 9 December 2011', 'Fri 9 Dec 2011 08:50', '9-dec-2011', '2011 Dec 09',
  ])('%s is 2011-12-09', (text) => {
    expect(parseDateCell(text)).toBe(DEC_9_2011);
    expect(classifyDateCell(text)).toBe('month-name');
  });

  test('Sept and Sep are September', () => {
    expect(formatIsoDate(parseDateCell('9 Sept 2011') as number)).toBe('2011-09-09');
    expect(formatIsoDate(parseDateCell('Sep 9, 2011') as number)).toBe('2011-09-09');
  });

  test('Jalali month names, in Persian script or transliterated', () => {
    const expected = MAR_21_2025 + 14; // 1404/01/15
    for (const text of ['15 فروردین 1404', '۱۵ فروردین ۱۴۰۴', 'جمعه ۱۵ فروردین ۱۴۰۴', '15 Farvardin 1404']) {
      expect(parseDateCell(text)).toBe(expected);
    }
    // 1403/12/30 = 2025-03-20; 1 Dey 1403 = 2024-12-21 (Yalda night is the eve of 1 Dey)
    expect(parseDateCell('30 اسفند 1403')).toBe(MAR_21_2025 - 1);
    expect(formatIsoDate(parseDateCell('1 دی 1403') as number)).toBe('2024-12-21');
    expect(parseDateCell('30 اسفند 1404')).toBeUndefined();
    expect(parseDateCell('15 فروردین 04')).toBeUndefined();
  });

  test.each(['31 Feb 2011', 'Dec 2011', '9 Foo 2011', '9 Dec Dec 2011', 'Dec 9, 2011!', '9 Dec 1450', 'hello world'])('%s is no date', (text) => {
    expect(parseDateCell(text)).toBeUndefined();
    expect(classifyDateCell(text)).toBeUndefined();
  });

  test('a column of month-name dates resolves and parses through the cache', () => {
    const r = resolveDateColumn(['9 Dec 2011', '10 Dec 2011', '9 Dec 2011']);
    expect(r.formCounts).toEqual({ 'month-name': 3 });
    const parse = makeDateParser(r);
    expect(parse('9 Dec 2011')).toBe(DEC_9_2011);
    expect(parse('9 Dec 2011')).toBe(DEC_9_2011);
    expect(Number.isNaN(parse('no date'))).toBe(true);
    expect(Number.isNaN(parse('no date'))).toBe(true);
  });
});

describe('parseDateColumnBy (one scan, then day/month cells)', () => {
  test('days per cell: order-free forms, day/month by the resolved order, blanks and non-dates', () => {
    const cells = ['2011-12-09', 40886, '', '09/12/2011', '13/12/2011', 'nope', null, '  ', '9 Dec 2011'];
    const { resolution, days } = parseDateColumnBy(cells.length, (i) => cells[i]);
    expect(resolution.dayMonthOrder).toBe('dmy');
    expect(Array.from(days)).toEqual([DEC_9_2011, DEC_9_2011, DATE_BLANK, DEC_9_2011, DEC_9_2011 + 4, NaN, DATE_BLANK, DATE_BLANK, DEC_9_2011]);
  });

  test('an empty string after a number is blank, and repeated text reuses its day', () => {
    const cells = [40886, '', '', '2011-12-09', '2011-12-09', 40887];
    const { days } = parseDateColumnBy(cells.length, (i) => cells[i]);
    expect(Array.from(days)).toEqual([DEC_9_2011, DATE_BLANK, DATE_BLANK, DEC_9_2011, DEC_9_2011, DEC_9_2011 + 1]);
  });
});

describe('arbitrary text', () => {
  test('parseDateCell gives a whole day number or undefined, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(...'0123456789/-.: TZ,۰۱۲۳۴۵۶۷۸۹DecJanفروردین'.split('')) })), (text) => {
        for (const order of ['dmy', 'mdy'] as const) {
          const d = parseDateCell(text, order);
          if (d !== undefined) expect(Number.isInteger(d)).toBe(true);
        }
      }),
    );
  });
});
