/**
 * Hand-built analyses for the report tests: every figure is chosen here, so expected cells are
 * known without running the engine.
 */
import type { Analysis, CustomerResult, SegmentRule } from '../../src/engine/types';
import { defaultSegmentRules } from '../../src/engine/segments';

/** 2006-12-31 as a day number (days since 1970-01-01): 13513. Excel serial 39082. */
export const DAY_2006_12_31 = 13513;

function customer(over: Partial<CustomerResult> & Pick<CustomerResult, 'id'>): CustomerResult {
  return {
    firstPurchase: DAY_2006_12_31 - 400,
    lastPurchase: DAY_2006_12_31 - 10,
    lengthDays: 401,
    recencyDays: 11,
    frequency: 5,
    monetary: 500,
    revenue: 500,
    averageOrderValue: 100,
    lengthScore: 3,
    recencyScore: 5,
    frequencyScore: 5,
    monetaryScore: 5,
    rfmCode: 555,
    segment: 'Champions',
    valueQuadrant: 'Best',
    loyaltyQuadrant: 'Loyal',
    ...over,
  };
}

/** Four customers, ids that look like formulas among them; no model results. */
export function smallAnalysis(rules: SegmentRule[] = defaultSegmentRules()): Analysis {
  const customers: CustomerResult[] = [
    customer({ id: 'Alice' }),
    customer({
      id: '=HYPERLINK("http://x","y")', firstPurchase: DAY_2006_12_31 - 100, lastPurchase: DAY_2006_12_31 - 100, lengthDays: 101,
      recencyDays: 101, frequency: 1, monetary: 20.5, revenue: 20.5, averageOrderValue: 20.5, lengthScore: 1, recencyScore: 1,
      frequencyScore: 1, monetaryScore: 1, rfmCode: 111, segment: 'Lost', valueQuadrant: 'Uncertain', loyaltyQuadrant: 'Uncertain',
    }),
    customer({
      id: '+1', recencyDays: 31, lastPurchase: DAY_2006_12_31 - 30, frequency: 3, monetary: 300, revenue: 300, recencyScore: 3,
      frequencyScore: 3, monetaryScore: 4, rfmCode: 334, segment: 'Potential Loyalist', valueQuadrant: 'High-spending',
    }),
    customer({ id: '@SUM(A1)', monetary: 179.5, revenue: 179.5, rfmCode: 542, monetaryScore: 2, frequencyScore: 4, segment: 'Others', valueQuadrant: 'Frequent', loyaltyQuadrant: 'New' }),
  ];
  return {
    settings: {
      inputKind: 'transactions', columns: [], analysisDate: DAY_2006_12_31 + 1, bins: 5, scoring: 'quantile',
      monetaryBasis: 'total', split: 'mean', segmentRules: rules,
    },
    totals: { customers: 4, transactionsUsed: 14, orders: 14, revenue: 1000, firstDay: DAY_2006_12_31 - 400, lastDay: DAY_2006_12_31 - 10 },
    customers,
    segments: [
      { segment: 'Champions', customers: 1, share: 0.25, revenue: 500, revenueShare: 0.5, meanRecencyDays: 11, meanFrequency: 5, meanMonetary: 500 },
      { segment: 'Potential Loyalist', customers: 1, share: 0.25, revenue: 300, revenueShare: 0.3, meanRecencyDays: 31, meanFrequency: 3, meanMonetary: 300 },
      { segment: 'Lost', customers: 1, share: 0.25, revenue: 20.5, revenueShare: 0.0205, meanRecencyDays: 101, meanFrequency: 1, meanMonetary: 20.5 },
      { segment: 'Others', customers: 1, share: 0.25, revenue: 179.5, revenueShare: 0.1795, meanRecencyDays: 11, meanFrequency: 5, meanMonetary: 179.5 },
    ],
    valueQuadrants: [
      { quadrant: 'Best', customers: 1, share: 0.25, revenue: 500, revenueShare: 0.5 },
      { quadrant: 'High-spending', customers: 1, share: 0.25, revenue: 300, revenueShare: 0.3 },
      { quadrant: 'Frequent', customers: 1, share: 0.25, revenue: 179.5, revenueShare: 0.1795 },
      { quadrant: 'Uncertain', customers: 1, share: 0.25, revenue: 20.5, revenueShare: 0.0205 },
    ],
    loyaltyQuadrants: [
      { quadrant: 'Loyal', customers: 2, share: 0.5, revenue: 800, revenueShare: 0.8 },
      { quadrant: 'Potential', customers: 0, share: 0, revenue: 0, revenueShare: 0 },
      { quadrant: 'New', customers: 1, share: 0.25, revenue: 179.5, revenueShare: 0.1795 },
      { quadrant: 'Uncertain', customers: 1, share: 0.25, revenue: 20.5, revenueShare: 0.0205 },
    ],
    splits: { frequency: 3.5, monetary: 250, lengthDays: 300, recencyDays: 40 },
    grid: {
      bins: 5,
      count: [[1, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 1, 1]],
      meanMonetary: [[20.5, null, null, null, null], [null, null, null, null, null], [null, null, 300, null, null], [null, null, null, null, null], [null, null, null, 179.5, 500]],
    },
    skipped: {
      total: 2, byReason: { 'bad-date': 1, 'zero-amount': 1 },
      examples: [{ rowNumber: 7, reason: 'bad-date', detail: '31/02/2006' }, { rowNumber: 9, reason: 'zero-amount', detail: '0' }],
      returnsOnlyCustomers: { count: 0, examples: [] },
    },
  };
}

/** The small analysis with model results: P(alive), churn status, CLV, clusters and a holdout. */
export function analysisWithModel(): Analysis {
  const a = smallAnalysis();
  const status = ['Active', 'Churned', 'At risk', 'Active'] as const;
  const pAlive = [0.95, 0.1, 0.5, 0.8];
  a.customers.forEach((c, i) => {
    c.cluster = i < 2 ? 1 : 2;
    c.pAlive = pAlive[i];
    c.expectedPurchases90d = pAlive[i] * 2;
    c.clv = pAlive[i] * 1000;
    c.churnStatus = status[i];
  });
  const profile = (cluster: number, name: string, size: number, revenue: number, meanL: number, meanR: number, meanF: number, meanM: number) => ({
    cluster, name, nameFa: `خوشهٔ ${cluster}`, size, share: size / 4, revenue, revenueShare: revenue / 1000,
    meanLengthDays: meanL, meanRecencyDays: meanR, meanFrequency: meanF, meanMonetary: meanM, centre: [0, 0, 0, 0],
  });
  a.clusters = {
    status: 'ok', k: 2, kChosenBy: 'silhouette', silhouette: 0.61, silhouetteByK: [{ k: 2, silhouette: 0.61 }, { k: 3, silhouette: 0.4 }],
    silhouetteSample: 4, features: ['L', 'R', 'F', 'M'], withinSS: 1.5, seed: 42, restarts: 10,
    profiles: [profile(1, 'High value', 2, 520.5, 251, 56, 3, 260.25), profile(2, 'Mid value', 2, 479.5, 401, 21, 4, 239.75)],
  };
  const fit = { model: 'bgnbd' as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood: -9582.4, customers: 4, converged: true, penalty: 0 };
  const figures = (i: number) => {
    const c = a.customers[i];
    return {
      id: c.id, pAlive: pAlive[i], expectedPurchases90d: pAlive[i] * 2, expectedAverageSpend: 100, clv: pAlive[i] * 1000,
      revenue: c.revenue, frequency: c.frequency, segment: c.segment, churnStatus: status[i], pNoPurchase: 1 - pAlive[i] / 2, recencyDays: c.recencyDays,
    };
  };
  a.clv = {
    status: 'ok', model: 'bgnbd', timeUnit: 'weeks', unitDays: 7, calibrationEnd: DAY_2006_12_31, horizonMonths: 12, discountRate: 0.01,
    profitBasis: 'revenue', fits: { bgnbd: fit }, spend: { status: 'ok', params: { p: 6.25, q: 3.74, v: 15.44 }, logLikelihood: -100, customers: 3, converged: true, populationMeanSpend: 110 },
    notes: [], totals: { customersScored: 4, expectedPurchases30d: 1, expectedPurchases90d: 4.7, clv: 2350 },
    topCustomers: [0, 3, 2, 1].map(figures),
    churn: {
      thresholds: { active: 0.5, churned: 0.1 }, horizonDays: 90, pAliveModel: 'bgnbd', expectedNoPurchase: 2.5, dropoutUnseparated: false,
      likeliestNoPurchase: [figures(1)], active: 2, atRisk: 1, churned: 1, notScored: 0,
      atRiskRevenue: 300, atRiskClv: 500, atRiskCustomers: [figures(2)], atRiskListTruncated: false,
    },
    holdout: {
      holdoutFrom: DAY_2006_12_31 - 60, holdoutTo: DAY_2006_12_31, durationUnits: 60 / 7, fit,
      totals: { customers: 4, predicted: 6.6, actual: 7 },
      byFrequency: [{ frequency: '0', customers: 1, meanPredicted: 3.5, meanActual: 4 }, { frequency: '7+', customers: 3, meanPredicted: 3.1, meanActual: 3 }],
      tracking: [{ day: 7, period: 1, predicted: 1.2, actual: 1 }, { day: 14, period: 2, predicted: 2.5, actual: 3 }],
      customers: [],
    },
  };
  return a;
}

/**
 * The analysis with model results and the over-time reports (issue 14), hand-built: a migration
 * since 2006-07-01 (two customers Champions → At Risk, one Potential Loyalist → Lost, one new) and
 * cohorts in both calendars.
 */
export function analysisOverTime(): Analysis {
  const a = analysisWithModel();
  const segments = [...a.settings.segmentRules.map((r) => r.name), 'Others'];
  const size = segments.length;
  const grid = () => Array.from({ length: size + 1 }, () => new Array<number>(size).fill(0));
  const customers = grid();
  const revenue = grid();
  const at = (name: string) => segments.indexOf(name);
  const move = (from: number, to: string, count: number, money: number) => { customers[from][at(to)] += count; revenue[from][at(to)] += money; };
  move(at('Champions'), 'At Risk', 2, 320.5);
  move(at('Potential Loyalist'), 'Lost', 1, 20.5);
  move(size, 'Champions', 1, 500);
  a.migration = {
    compareTo: DAY_2006_12_31 - 183, segments, customers, revenue, newCustomers: 1,
    movedDown: [
      { id: '+1', from: 'Champions', to: 'At Risk', revenue: 300, clv: 500 },
      { id: '=HYPERLINK("http://x","y")', from: 'Potential Loyalist', to: 'Lost', revenue: 20.5, clv: null },
      { id: '@SUM(A1)', from: 'Champions', to: 'At Risk', revenue: 20, clv: 800 },
    ],
  };
  a.cohorts = [{ cohort: '2005-12', customers: 2, active: [2, 1, 0] }, { cohort: '2006-01', customers: 2, active: [2, 1] }];
  a.cohortsJalali = [{ cohort: '1384-09', customers: 1, active: [1, 0, 1] }, { cohort: '1384-10', customers: 3, active: [3, 2] }];
  return a;
}
