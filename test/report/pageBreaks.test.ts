/**
 * No chart is cut between two printed pages: a sheet printed as many pages down as it needs gets a
 * manual page break at the top of each chart's section (its heading and table), so the chart
 * starts a page (QA: the UCI workbook's Cohorts chart, through LibreOffice, had its title on one
 * page and its bars on the next). Rows below are counted by hand from the sheets' layout.
 */
import { STRINGS } from '../../src/i18n';
import { buildWorkbookPlan } from '../../src/report/build';
import type { SheetPlan } from '../../src/report/plan';
import { analysisOverTime } from './fixtures';
import { blockStartingWith, rectOf, sheetOf } from './planHelpers';

const en = STRINGS.en;

/** True when a row holds anything left of column `end` (the test's own look, by block rectangles). */
function occupied(sheet: SheetPlan, row: number, end: number): boolean {
  return sheet.blocks.some((b) => {
    const r = rectOf(b);
    return r.column < end && row >= r.row && row < r.row + r.rows && (b.kind === 'table' || (b.values[row - b.row] ?? []).some((v) => v !== null && v !== ''));
  });
}

describe('page breaks before charts', () => {
  const plan = buildWorkbookPlan(analysisOverTime(), { lang: 'en' });

  test('Cohorts: one break, at the "All cohorts together" heading above the chart\'s table', () => {
    const sheet = sheetOf(plan, 'cohorts');
    // Title 0, note 1; the shares grid from row 3 (heading, month label, header, 2 cohorts: rows
    // 3–7), an empty row 8; the counts grid 9–13, an empty row 14; the retention heading 15.
    const heading = blockStartingWith(sheet, en['report.cohorts.retention']);
    expect(heading?.row).toBe(15);
    expect(sheet.pageSetup?.rowBreaks).toEqual([15]);
    expect(sheet.charts.map((c) => c.anchor.row)).toEqual([16]);
  });

  test('every chart of a sheet printed without a page limit starts a section that starts a page', () => {
    for (const lang of ['en', 'fa'] as const) {
      for (const sheet of buildWorkbookPlan(analysisOverTime(), { lang }).sheets) {
        if (sheet.charts.length === 0 || sheet.maxPrintPages) continue;
        const breaks = sheet.pageSetup?.rowBreaks ?? [];
        for (const chart of sheet.charts) {
          const a = chart.anchor;
          const end = a.column + a.columns;
          // The last break at or above the chart starts its section: only taken rows between it and
          // the chart and an empty row above it; or, when the chart is the section's first row, the
          // break sits on the empty row just above the chart (so its frame's top edge is not drawn
          // at the foot of the page before).
          const start = Math.max(...breaks.filter((b) => b <= a.row));
          expect([sheet.key, start > 0]).toEqual([sheet.key, true]);
          if (start === a.row - 1 && !occupied(sheet, start, end)) continue;
          for (let row = start; row < a.row; row++) expect([sheet.key, row, occupied(sheet, row, end)]).toEqual([sheet.key, row, true]);
          expect([sheet.key, occupied(sheet, start - 1, end)]).toEqual([sheet.key, false]);
          expect([sheet.key, start < a.row]).toEqual([sheet.key, true]);
          // no break inside the chart
          expect(breaks.filter((b) => b > a.row && b < a.row + a.rows)).toEqual([]);
        }
      }
    }
  });

  test('sheets fitted to a number of pages (Summary: 2, Model check: 1) get no breaks', () => {
    const summary = sheetOf(plan, 'summary');
    expect(summary.charts.length).toBeGreaterThan(0);
    expect(summary.pageSetup?.fitToHeight).toBe(2);
    expect(summary.pageSetup?.rowBreaks).toBeUndefined();
  });
});
