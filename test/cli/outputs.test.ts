import { CSV_COLUMNS, csvField, customerCsvLine, customersCsv } from '../../src/cli/csvOutput';
import { formatDay, formatFixed, formatNumber, parseIsoDay } from '../../src/cli/format';
import { analysisDocument } from '../../src/cli/jsonOutput';
import { createProgress, renderBar, wantsProgress } from '../../src/cli/progress';
import { generateTransactions, syntheticCsv } from '../../src/cli/synthetic';
import { parseDelimitedText } from '../../src/cli/textTable';
import type { Analysis, CustomerResult } from '../../src/engine/types';

function customer(overrides: Partial<CustomerResult>): CustomerResult {
  return {
    id: 'A', firstPurchase: 0, lastPurchase: 31, lengthDays: 40, recencyDays: 9, frequency: 2, monetary: 12.5, revenue: 12.5,
    averageOrderValue: 6.25, lengthScore: 3, recencyScore: 4, frequencyScore: 2, monetaryScore: 5, rfmCode: 425,
    segment: 'Potential Loyalist', valueQuadrant: 'High-spending', loyaltyQuadrant: 'Loyal', ...overrides,
  };
}

describe('CSV output', () => {
  it('has exactly the documented header, issue 2 columns, then issue 5 columns, then issue 10 and issue 14 columns', () => {
    expect(CSV_COLUMNS.join(',')).toBe(
      'customer,first_purchase,last_purchase,length_days,recency_days,frequency,monetary,l_score,r_score,f_score,m_score,rfm_code,segment,value_quadrant,loyalty_quadrant,cluster,p_alive,expected_purchases_90d,clv,churn_status' +
        ',p_no_purchase,expected_next_purchase,churn_reason,previous_segment,share_of_wallet',
    );
  });

  it('writes dates as YYYY-MM-DD and leaves skipped-model fields empty', () => {
    expect(customerCsvLine(customer({}))).toBe('A,1970-01-01,1970-02-01,40,9,2,12.5,3,4,2,5,425,Potential Loyalist,High-spending,Loyal,,,,,,,,,,');
  });

  it('leaves fields customer-level input cannot give empty', () => {
    const line = customerCsvLine(customer({ firstPurchase: null, lastPurchase: null, lengthDays: null, lengthScore: null, loyaltyQuadrant: null }));
    expect(line).toBe('A,,,,9,2,12.5,,4,2,5,425,Potential Loyalist,High-spending,,,,,,,,,,,');
  });

  it('writes the prediction columns when present', () => {
    const line = customerCsvLine(customer({ cluster: 2, pAlive: 0.8123456789, expectedPurchases90d: 1.5, clv: 100.255, churnStatus: 'At risk' }));
    expect(line.split(',').slice(15)).toEqual(['2', '0.812346', '1.5', '100.255', 'At risk', '', '', '', '', '']);
  });

  it('writes the previous segment and share of wallet when present', () => {
    const line = customerCsvLine(customer({ previousSegment: 'Champions', shareOfWallet: 0.25 }));
    expect(line.split(',').slice(23)).toEqual(['Champions', '0.25']);
  });

  it('writes p_no_purchase, the next purchase date and the churn reason after churn_status, in that order', () => {
    const reason = { key: 'x', text: 'bought once, 326 days ago; 97% likely to buy nothing within 90 days' };
    const line = customerCsvLine(customer({ churnStatus: 'Churned', pNoPurchase: 0.97, expectedNextPurchase: 59, churnReason: reason }));
    expect(line.endsWith(',Churned,0.97,1970-03-01,"bought once, 326 days ago; 97% likely to buy nothing within 90 days",,')).toBe(true);
    const empty = customerCsvLine(customer({ churnStatus: 'Active', pNoPurchase: 0.2, expectedNextPurchase: null, churnReason: null }));
    expect(empty.endsWith(',Active,0.2,,,,')).toBe(true);
  });

  it('quotes ids with commas, quotes or line breaks', () => {
    expect(csvField('Smith, J')).toBe('"Smith, J"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('')).toBe('');
    expect(customerCsvLine(customer({ id: "Abbey O'Reilly" })).startsWith("Abbey O'Reilly,")).toBe(true);
  });

  it("neutralises text a spreadsheet would evaluate with a leading ' (OWASP CSV Injection), the issue's ids one by one", () => {
    // Expected fields written by hand from OWASP's rule: prepend ', wrap in double quotes, double inner quotes.
    const cases: [string, string][] = [
      ['=1+1', `"'=1+1"`],
      ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
      ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
      ['+1', `"'+1"`],
      ['-2+3', `"'-2+3"`],
      ['@SUM(A1)', `"'@SUM(A1)"`],
      ['\t=1', `"'\t=1"`],
      ['\r=1', `"'\r=1"`],
    ];
    for (const [id, field] of cases) expect(customerCsvLine(customer({ id })).slice(0, field.length + 1)).toBe(`${field},`);
    expect(csvField('a=1')).toBe('a=1');
  });

  it('never touches real numbers in numeric columns: a negative monetary stays -12.5', () => {
    expect(customerCsvLine(customer({ monetary: -12.5 })).split(',')[6]).toBe('-12.5');
  });

  it('--csv-raw (raw: true) writes formula-looking text unchanged, only quoted', () => {
    for (const id of ['=1+1', '+44', '-3', '@SUM(A1)']) expect(customerCsvLine(customer({ id }), { raw: true }).split(',')[0]).toBe(`"${id}"`);
  });

  it('round-trips through our own CSV reader: raw exactly, neutralised with the leading quote', () => {
    const customers = [customer({ id: 'x, "y"' }), customer({ id: '=HYPERLINK("x")' }), customer({ id: 'B' })];
    const raw = parseDelimitedText(customersCsv({ customers }, { raw: true }));
    expect(raw.header).toEqual([...CSV_COLUMNS]);
    expect(raw.rows.map((r) => r[0])).toEqual(['x, "y"', '=HYPERLINK("x")', 'B']);
    expect(parseDelimitedText(customersCsv({ customers })).rows.map((r) => r[0])).toEqual(['x, "y"', `'=HYPERLINK("x")`, 'B']);
  });
});

describe('text conversions', () => {
  it('converts days both ways, exactly', () => {
    expect(parseIsoDay('1970-01-01')).toBe(0);
    expect(parseIsoDay('2000-03-01')).toBe(11017);
    expect(parseIsoDay('2001-02-29')).toBeUndefined();
    expect(formatDay(11016)).toBe('2000-02-29');
  });

  it('writes numbers without float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-0.0000001)).toBe('0');
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(393223)).toBe('393223');
  });

  it('writes a fixed number of decimals in Latin digits, without separators or a minus zero', () => {
    expect(formatFixed(45.5 / 3, 2)).toBe('15.17');
    expect(formatFixed(843, 2)).toBe('843.00');
    expect(formatFixed(5500001 / 3, 0)).toBe('1833334');
    expect(formatFixed(12345678.9, 2)).toBe('12345678.90');
    expect(formatFixed(-0.001, 2)).toBe('0.00');
    expect(formatFixed(-2.5 / 3, 2)).toBe('-0.83');
    expect(formatFixed(Infinity, 2)).toBe('');
  });
});

describe('JSON output', () => {
  it('puts meta first and keeps every analysis field', () => {
    const analysis = { customers: [], skipped: { total: 0 } } as unknown as Analysis;
    const doc = analysisDocument(analysis, { version: '1.2.3', inputName: 'sales.csv', options: { bins: 4, columns: { customer: 0 } } });
    expect(Object.keys(doc)[0]).toBe('meta');
    expect(doc.meta).toMatchObject({ tool: 'rfm', version: '1.2.3', input: 'sales.csv', options: { bins: 4, columns: { customer: 0 } } });
    expect(doc.customers).toEqual([]);
    expect(doc.skipped).toEqual({ total: 0 });
  });
});

describe('progress', () => {
  it('draws only for large inputs on a terminal', () => {
    expect(wantsProgress({ isTTY: true, write: () => true }, 50e6, false)).toBe(true);
    expect(wantsProgress({ isTTY: false, write: () => true }, 50e6, false)).toBe(false);
    expect(wantsProgress({ isTTY: true, write: () => true }, 1000, false)).toBe(false);
    expect(wantsProgress({ isTTY: true, write: () => true }, 50e6, true)).toBe(false);
  });

  it('renders, throttles redraws within a stage and clears the line', () => {
    expect(renderBar(0.5, 'parsing')).toBe(`[${'#'.repeat(15)}${'.'.repeat(15)}]  50% parsing`);
    const written: string[] = [];
    let clock = 0;
    const progress = createProgress({ isTTY: true, write: (t: string) => written.push(t) }, () => clock);
    progress.update(0.1, 'reading');
    progress.update(0.2, 'reading');
    progress.update(0.3, 'parsing');
    clock = 1000;
    progress.update(0.4, 'parsing');
    progress.done();
    expect(written).toHaveLength(4);
    expect(written[3]).toBe('\r\x1b[K');
  });
});

describe('synthetic data', () => {
  it('is the same for the same seed and different for another', () => {
    expect(syntheticCsv({ rows: 50, customers: 10, seed: 7 })).toBe(syntheticCsv({ rows: 50, customers: 10, seed: 7 }));
    expect(syntheticCsv({ rows: 50, customers: 10, seed: 8 })).not.toBe(syntheticCsv({ rows: 50, customers: 10, seed: 7 }));
  });

  it('has the asked rows and customers, each customer with a purchase, and text equal to the table', () => {
    const options = { rows: 5000, customers: 700, seed: 3 };
    const table = generateTransactions(options);
    expect(table.rows).toHaveLength(5000);
    const purchasers = new Set(table.rows.filter((r) => Number(r[3]) > 0).map((r) => r[0]));
    expect(purchasers.size).toBe(700);
    expect(new Set(table.rows.map((r) => r[0])).size).toBe(700);
    expect(parseDelimitedText(syntheticCsv(options)).rows).toEqual(table.rows);
  });

  it('gives Excel-style values on request', () => {
    const table = generateTransactions({ rows: 10, customers: 3, cells: 'values' });
    expect(table.dateFormattedColumns).toEqual([false, false, true, false]);
    expect(typeof table.rows[0][2]).toBe('number');
  });
});
