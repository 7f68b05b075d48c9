'use strict';
/**
 * Issue 5's figures on the compiled engine (dist/node): fitting the purchase models, clustering
 * with automatic k, and the whole predictions stage, on 100,000 customers simulated from a
 * BG/NBD process (seeded, built in setup, which is not timed).
 */
const fs = require('fs');
const path = require('path');

const DIST = path.join(__dirname, '..', 'dist', 'node', 'engine');
const CUSTOMERS = 100_000;
const END_DAY = 20_000 + 730; // two years of data

const load = (name) => require(path.join(DIST, ...name.split('/')));
const RFM_R_ORDERS = path.join(__dirname, '..', '..', 'shared', 'data', 'rfm-r', 'rfm_data_orders.csv');
/** The rfm package's analysis date, 2006-12-31, as a day number. */
const RFM_R_ANALYSIS_DAY = Date.UTC(2006, 11, 31) / 86_400_000;

/** The engine's seeded generator (mulberry32): the same data on every run. */
const random = (seed) => load('clusters/random').seededRandom(seed);

function normal(next) {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** Marsaglia–Tsang gamma sampler (shape < 1 via the u^(1/shape) boost). */
function gamma(next, shape) {
  if (shape < 1) return gamma(next, shape + 1) * Math.pow(1 - next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(next);
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Transactions of CUSTOMERS customers: rates ~ Gamma(0.6, 1/25 per day), dropout ~ Beta(0.8, 3). */
function simulate() {
  const next = random(5);
  const out = [];
  let row = 2;
  for (let c = 0; c < CUSTOMERS; c++) {
    const id = `C${c}`;
    const rate = gamma(next, 0.6) / 25;
    const pa = gamma(next, 0.8);
    const dropout = pa / (pa + gamma(next, 3));
    let day = 20_000 + Math.floor(next() * 600);
    for (let k = 0; k < 300 && day <= END_DAY; k++) {
      out.push({ customerId: id, day, amount: Math.round(Math.exp(3.2 + 0.7 * normal(next)) * 100) / 100, rowNumber: row++ });
      if (next() < dropout) break;
      day += Math.max(1, Math.round(-Math.log(1 - next()) / rate));
    }
  }
  return out;
}

function histories(unitDays) {
  const { buildHistories } = load('clv/summary');
  const { groupPatterns } = load('clv/groups');
  return (transactions) => {
    const h = buildHistories(transactions, END_DAY);
    return { h, groups: groupPatterns(h.x, h.recencyDays, h.ageDays, unitDays) };
  };
}

/** Times the two fits alone: the histories and their repeat patterns are built in setup. */
function fitBoth(unitDays) {
  return {
    setup: () => histories(unitDays)(simulate()),
    run: ({ h, groups }) => {
      const { fitPurchaseModel } = load('clv/fit');
      const { BGNBD } = load('clv/bgnbd');
      const { MBGNBD } = load('clv/mbgnbd');
      const bg = fitPurchaseModel(BGNBD, groups);
      const mbg = fitPurchaseModel(MBGNBD, groups);
      const p = (f) => `r ${f.params.r.toFixed(3)} α ${f.params.alpha.toFixed(2)} a ${f.params.a.toFixed(3)} b ${f.params.b.toFixed(3)}`;
      return `${h.ids.length.toLocaleString('en-US')} customers, ${groups.w.length.toLocaleString('en-US')} patterns; BG/NBD ${p(bg)}; MBG/NBD ${p(mbg)}`;
    },
  };
}

/** The rfm package's sample orders (995 customers, 4,906 orders) as transactions. */
function rfmROrders() {
  if (!fs.existsSync(RFM_R_ORDERS)) throw new Error(`missing ${RFM_R_ORDERS}`);
  const lines = fs.readFileSync(RFM_R_ORDERS, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((line, i) => {
    const [customerId, date, revenue] = line.split(',');
    const [y, m, d] = date.split('-').map(Number);
    return { customerId, day: Date.UTC(y, m - 1, d) / 86_400_000, amount: Number(revenue), rowNumber: i + 2 };
  });
}

/** 100,000 synthetic lines of 20,000 customers (the CLI's generator, as RFM.CUSTOMERTABLE's bench uses). */
function syntheticLines() {
  const table = load('../cli/synthetic').generateTransactions({ rows: 100_000, customers: 20_000, cells: 'values' });
  const at = (name) => table.header.indexOf(name);
  return load('parse').normalizeTransactions(table, { customer: at('customer_id'), order: at('order_id'), date: at('order_date'), amount: at('amount') }).transactions;
}

/** A case timing addPredictions alone (scoring is done in setup) on the given transactions. */
function stageCase(name, target, targetMs, transactions, options = {}) {
  return {
    name, target, targetMs, repeat: 3,
    setup: () => {
      const lines = transactions();
      return { lines, analysis: load('analyze').analyzeTransactions(lines, { ...options, clusters: 'off', model: 'off' }) };
    },
    run: ({ lines, analysis }) => {
      const out = load('predict').addPredictions(analysis, lines, options);
      if (out.clv.status !== 'ok') throw new Error(out.clv.reason);
      if (out.clusters.status !== 'ok') throw new Error(out.clusters.reason);
      return `k = ${out.clusters.k} (${out.clusters.restarts} restarts); ${out.clv.churn.active} active, ${out.clv.churn.atRisk} at risk, ${out.clv.churn.churned} churned`;
    },
  };
}

/** The simulated transactions and their RFM analysis without predictions: the stage's input. */
function scoredSimulation() {
  const transactions = simulate();
  const analysis = load('analyze').analyzeTransactions(transactions, { clusters: 'off', model: 'off' });
  return { transactions, analysis };
}

module.exports = {
  title: 'predictions',
  cases: [
    stageCase('whole predictions stage, rfm-r orders (995 customers)', '<= 150 ms', 150, rfmROrders, { analysisDate: RFM_R_ANALYSIS_DAY }),
    stageCase('whole predictions stage, 20,000 customers (100,000 synthetic lines)', '<= 300 ms', 300, syntheticLines),
    { name: 'fit BG/NBD + modified BG/NBD, 100,000 customers (weeks)', target: '<= 2 s', targetMs: 2000, repeat: 3, ...fitBoth(7) },
    { name: 'fit BG/NBD + modified BG/NBD, 100,000 customers (days)', target: '<= 2 s', targetMs: 2000, repeat: 3, ...fitBoth(1) },
    {
      name: 'k-means, automatic k (2..8 by silhouette), 100,000 customers',
      target: '<= 3 s',
      targetMs: 3000,
      repeat: 3,
      setup: () => load('analyze').analyzeTransactions(simulate(), { clusters: 'off', model: 'off' }).customers,
      run: (customers) => {
        const { report } = load('clusters/cluster').runClusters(customers, { k: 'auto' });
        return `k = ${report.k}, silhouette ${report.silhouette.toFixed(3)}: ${report.profiles.map((p) => p.name).join('; ')}`;
      },
    },
    {
      name: 'whole predictions stage (clusters, models, CLV, churn), 100,000 customers',
      repeat: 2,
      setup: scoredSimulation,
      run: ({ transactions, analysis }) => {
        const out = load('predict').addPredictions(analysis, transactions, {});
        const clv = out.clv;
        if (clv.status !== 'ok') throw new Error(clv.reason);
        return `${clv.churn.active} active, ${clv.churn.atRisk} at risk, ${clv.churn.churned} churned; CLV total ${Math.round(clv.totals.clv).toLocaleString('en-US')}`;
      },
    },
    {
      name: 'predictions stage with holdout check (clusters off; models, CLV, churn, calibration fit, 26 weekly points), 100,000 customers',
      repeat: 2,
      setup: scoredSimulation,
      run: ({ transactions, analysis }) => {
        const out = load('predict').addPredictions(analysis, transactions, { clusters: 'off', holdoutFrom: END_DAY - 180 });
        const h = out.clv.holdout;
        if (!h || h.status === 'skipped') throw new Error(h ? h.reason : 'no holdout');
        return `predicted ${Math.round(h.totals.predicted).toLocaleString('en-US')} vs actual ${h.totals.actual.toLocaleString('en-US')} repeat purchases over 181 days`;
      },
    },
  ],
};
