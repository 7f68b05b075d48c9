/**
 * The pane's campaign-list sheet (excel/listSheet.ts) in the Excel simulator: the rows of the list
 * read back exactly (ids that look like formulas, mobile numbers with their leading 0), a second
 * write gets a new name, and the user's sheets are left alone. The list is built by hand here.
 */
import { campaignListSheet, type CampaignList } from '../../src/report/campaignList';
import { writeListSheet } from '../../src/excel/listSheet';
import { createExcelSimulator } from '../../src/simulator';
import { simulatorHost } from '../../src/simulator/host';

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
  const plan = campaignListSheet(LIST, 'List Champions', 'en');
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
