/**
 * The pane's campaign-list sheet (excel/listSheet.ts) in the Excel simulator: the rows of the list
 * read back exactly (ids that look like formulas, mobile numbers with their leading 0), a second
 * write gets a new name, and the user's sheets are left alone. The list is built by hand here.
 * Money shows as on the report's sheets: a rial file in whole rials with the unit, a dollar file
 * with its sign and cents (the expected formats are written out by hand, not taken from the code).
 */
import { campaignListSheet, type CampaignList } from '../../src/report/campaignList';
import { writeListSheet } from '../../src/excel/listSheet';
import { createExcelSimulator } from '../../src/simulator';
import { simulatorHost } from '../../src/simulator/host';
import { listSheetFor, NO_CONTACTS } from '../../src/taskpane/lists';
import type { Lang } from '../../src/i18n';
import type { Cell } from '../../src/engine/types';
import { analyzeTable } from './pipeline';

const LIST: CampaignList = {
  header: ['Customer', 'Segment', 'Recommended action', 'Days since last purchase', 'Orders', 'Monetary', 'Predicted CLV', 'Churn status', 'mobile', 'Message'],
  rows: [
    ['=HYPERLINK("http://x","y")', 'Champions', 'Reward them', 3, 9, 843.5, null, null, '09123456789', 'Hi =1+1'],
    ['@SUM(A1)', 'Champions', 'Reward them', 10, 2, 20, 12.25, 'Active', '+447700900123', '-2+3'],
  ],
  invalidMobiles: [],
};

test('the list is written as it is, text stays text, and a second write gets its own sheet', async () => {
  const sim = createExcelSimulator();
  sim.addSheet('Sales', [['keep me']]);
  const host = simulatorHost(sim);
  const plan = campaignListSheet(LIST, 'List Champions', 'en', { currency: null, decimals: true });
  expect(await writeListSheet(host, plan)).toBe('List Champions');
  const values = sim.values('List Champions', 'A1:J3');
  expect(values).toEqual([
    LIST.header,
    ['=HYPERLINK("http://x","y")', 'Champions', 'Reward them', 3, 9, 843.5, '', '', '09123456789', 'Hi =1+1'],
    ['@SUM(A1)', 'Champions', 'Reward them', 10, 2, 20, 12.25, 'Active', '+447700900123', '-2+3'],
  ]);
  // formula- and number-looking text got the Text format before its value (cellValues.ts)
  const formats = sim.numberFormats('List Champions', 'A2:J3');
  expect([formats[0][0], formats[0][8], formats[1][0], formats[1][9]]).toEqual(['@', '@', '@', '@']);
  expect(await writeListSheet(host, plan)).toBe('List Champions (2)');
  expect(sim.values('Sales', 'A1')).toEqual([['keep me']]);
});

/**
 * The pane's path for one list: the engine over a small table, the list of its first group, the
 * sheet written to the simulator; returns the number formats of the first customer's row.
 */
async function firstRowFormats(header: string[], rows: Cell[][], lang: Lang): Promise<string[]> {
  const analysis = analyzeTable({ header, rows });
  const group = analysis.customers[0].segment;
  const made = listSheetFor(analysis, NO_CONTACTS, `segment:${group}`, lang);
  if (!made) throw new Error(`no list for ${group}`);
  const sim = createExcelSimulator();
  const name = await writeListSheet(simulatorHost(sim), made.plan);
  return sim.numberFormats(name, 'A2:H2')[0];
}

describe('money on the List sheet, as on the Customers sheet', () => {
  // Whole amounts in rial, the unit in the header (engine/currency.ts): no decimals, the word after.
  const rial: [string[], Cell[][]] = [['Customer', 'Date', 'Amount (rial)'], [
    ['c1', '2024-01-05', 2500000], ['c1', '2024-01-20', 1200000], ['c2', '2023-11-02', 800000],
  ]];
  // Dollar amounts with cents and the sign in the cells: two decimals, the sign before.
  const dollar: [string[], Cell[][]] = [['Customer', 'Date', 'Amount'], [
    ['c1', '2024-01-05', '$12.50'], ['c1', '2024-01-20', '$30.25'], ['c2', '2023-11-02', '$8.00'],
  ]];

  test.each([
    ['rial', 'en', '#,##0 "rial"', '#,##0', rial],
    ['rial', 'fa', '[$-3000429]#,##0 "ریال"', '[$-3000429]#,##0', rial],
    ['dollar', 'en', '"$"#,##0.00', '#,##0', dollar],
  ] as const)('a %s file in %s: monetary and CLV %p, days and orders %p', async (_, lang, money, whole, [header, rows]) => {
    const formats = await firstRowFormats(header, rows, lang);
    // customer, segment, action, days, orders, monetary, CLV, churn status
    expect(formats.slice(3, 7)).toEqual([whole, whole, money, money]);
  });
});
