/**
 * windowRows: the rows inside the analysis window, in order, and the array itself when every row
 * is inside.
 */
import { windowRows } from '../../src/engine/window';

const rows = (days: number[]) => days.map((day, i) => ({ rowNumber: i + 2, day }));

describe('windowRows', () => {
  const window = { analysisDate: 100, today: 200 };

  test('every row inside: the same array, no notes, the report unchanged', () => {
    const all = rows([10, 99, 50]);
    const w = windowRows(all, (r) => r.day, window);
    expect(w.rows).toBe(all);
    expect(w.notes).toEqual([]);
    expect(w.skipped.total).toBe(0);
  });

  test('rows on or after the analysis date are left out, the rest kept in order', () => {
    // days 100 and 150 are not before the analysis date 100; rows 2, 3, 5 and 7 are kept
    const all = rows([10, 20, 100, 30, 150, 40]);
    const w = windowRows(all, (r) => r.day, window);
    expect(w.rows.map((r) => r.rowNumber)).toEqual([2, 3, 5, 7]);
    expect(w.skipped.byReason).toEqual({ 'after-analysis-date': 2 });
    expect(w.notes).toHaveLength(1);
  });

  test('the first row outside: none before it to keep', () => {
    const w = windowRows(rows([120, 5, 6]), (r) => r.day, window);
    expect(w.rows.map((r) => r.rowNumber)).toEqual([3, 4]);
  });

  test('a row without a day is always kept', () => {
    const all = [{ rowNumber: 2, day: undefined }, { rowNumber: 3, day: 300 }];
    expect(windowRows(all, (r) => r.day, window).rows.map((r) => r.rowNumber)).toEqual([2]);
  });
});
