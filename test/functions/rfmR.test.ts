/**
 * The functions on the R package rfm's sample orders (../shared/data/rfm-r/rfm_data_orders.csv),
 * against the package's documented results (README of the shared data) and against the engine.
 */
import * as fs from 'fs';
import { analyze } from '../../src/engine/analyze';
import { code, loyaltyQuadrant, score, segment, valueQuadrant } from '../../src/functions/functions';
// RFM.CUSTOMERTABLE and RFM.FIT computed synchronously (the registered functions run them in a worker: offThread.ts)
import { tableNow as table } from '../../src/functions/heavy';
import { requireSharedData } from '../support/sharedData';
import { errorOf, installCustomFunctionsStub } from './support/customFunctionsStub';
import { RFM_ORDERS } from '../support/rfmPackage';

beforeAll(installCustomFunctionsStub);

const ANALYSIS_SERIAL = 39082; // 2006-12-31
const EXCEL_EPOCH_DAYS = 25569; // serial of 1970-01-01

/** ISO date → Excel serial, by calendar arithmetic independent of the engine. */
function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + EXCEL_EPOCH_DAYS;
}

const lines = fs.readFileSync(requireSharedData('rfm-r/rfm_data_orders.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
const rows = lines.map((line) => line.split(','));
const customers = rows.map((r) => [r[0]]);
const dates = rows.map((r) => [serialOf(r[1])]);
const amounts = rows.map((r) => [Number(r[2])]);

const spill = table(customers, dates, amounts, ANALYSIS_SERIAL);
const header = spill[0] as string[];
const body = spill.slice(1);
const col = (name: string): unknown[][] => body.map((row) => [row[header.indexOf(name)]]);
const byId = new Map(body.map((row) => [row[0] as string, row]));
const field = (id: string, name: string): unknown => byId.get(id)?.[header.indexOf(name)];

it('reads all 4,906 orders of 995 customers', () => {
  expect(rows).toHaveLength(4906);
  expect(errorOf(spill)).toBeUndefined();
  expect(body).toHaveLength(995);
});

it('spills exactly the CLI CSV columns under a header row', () => {
  expect(header).toEqual([
    'customer', 'first_purchase', 'last_purchase', 'length_days', 'recency_days', 'frequency', 'monetary',
    'l_score', 'r_score', 'f_score', 'm_score', 'rfm_code', 'segment', 'value_quadrant', 'loyalty_quadrant',
    'cluster', 'p_alive', 'expected_purchases_90d', 'clv', 'churn_status',
    'p_no_purchase', 'expected_next_purchase', 'churn_reason', 'previous_segment', 'share_of_wallet',
  ]);
});

// The rfm package's documented results (analysis date 2006-12-31): recency days, orders, revenue → code.
const DOCUMENTED: [string, number, number, number, number][] = RFM_ORDERS.documentedCustomers;

it.each(DOCUMENTED)('%s: %i days, %i orders, %i → RFM %i, dates as Excel serials', (id, days, orders, revenue, rfm) => {
  expect(field(id, 'recency_days')).toBe(days);
  expect(field(id, 'frequency')).toBe(orders);
  expect(field(id, 'monetary')).toBe(revenue);
  expect(field(id, 'rfm_code')).toBe(rfm);
  expect(field(id, 'last_purchase')).toBe(ANALYSIS_SERIAL - days);
});

it("gives the package's documented segment counts", () => {
  const counts: Record<string, number> = {};
  for (const [name] of col('segment')) counts[name as string] = (counts[name as string] ?? 0) + 1;
  expect(counts).toEqual(RFM_ORDERS.segmentCounts);
});

it("agrees with the engine's analyze() of the file as the CLI reads it (text cells, detected columns)", () => {
  const analysis = analyze(
    { header: ['customer_id', 'order_date', 'revenue'], rows: rows.map((r) => [r[0], r[1], r[2]]) },
    // Clusters and models are compared elsewhere (issue 5's tests); the columns here come before them.
    { analysisDate: ANALYSIS_SERIAL - EXCEL_EPOCH_DAYS, clusters: 'off', model: 'off' },
  );
  const pick = ['customer', 'last_purchase', 'recency_days', 'frequency', 'monetary', 'l_score', 'r_score', 'f_score', 'm_score', 'rfm_code', 'segment', 'value_quadrant', 'loyalty_quadrant'];
  const fromTable = body.map((row) => pick.map((name) => row[header.indexOf(name)]));
  const fromEngine = analysis.customers.map((c) => [
    c.id, (c.lastPurchase as number) + EXCEL_EPOCH_DAYS, c.recencyDays, c.frequency, c.monetary, c.lengthScore, c.recencyScore,
    c.frequencyScore, c.monetaryScore, c.rfmCode, c.segment, c.valueQuadrant, c.loyaltyQuadrant,
  ]);
  expect(fromTable).toEqual(fromEngine);
});

describe('the element-wise functions over the customer columns equal the engine', () => {
  it('RFM.SCORE of each metric within itself equals the L, R, F and M scores', () => {
    expect(score(col('length_days'), col('length_days'))).toEqual(col('l_score'));
    expect(score(col('recency_days'), col('recency_days'), 5, true)).toEqual(col('r_score'));
    expect(score(col('frequency'), col('frequency'))).toEqual(col('f_score'));
    expect(score(col('monetary'), col('monetary'))).toEqual(col('m_score'));
  });

  it('RFM.SCORE over the range equals the cell-by-cell calls', () => {
    const recency = col('recency_days');
    const cells = recency.slice(0, 100).map((cell) => score([cell], recency, 5, true)[0]);
    expect(score(recency.slice(0, 100), recency, 5, true)).toEqual(cells);
  });

  it('RFM.RFMCODE and RFM.SEGMENT of the scores equal rfm_code and segment', () => {
    expect(code(col('r_score'), col('f_score'), col('m_score'))).toEqual(col('rfm_code'));
    expect(segment(col('r_score'), col('f_score'), col('m_score'))).toEqual(col('segment'));
  });

  it('RFM.VALUEQUADRANT and RFM.LOYALTYQUADRANT (mean split) equal the quadrant columns', () => {
    const f = col('frequency');
    const m = col('monetary');
    const l = col('length_days');
    const r = col('recency_days');
    expect(valueQuadrant(f, m, f, m)).toEqual(col('value_quadrant'));
    expect(loyaltyQuadrant(l, r, l, r)).toEqual(col('loyalty_quadrant'));
  });
});
