/**
 * Reasons and notes of the prediction stages come from the string tables: each carries a key
 * and its values beside the English text (kept for the JSON and the CLI), and reads in Persian
 * through messageIn. Also the note on a model that finds almost no dropout.
 */
import { analyzeCustomers, analyzeTransactions } from '../../../src/engine/analyze';
import { runClusters } from '../../../src/engine/clusters/cluster';
import { errorParams } from '../../../src/engine/clv/reasons';
import type { ClvReport, KeyedReason } from '../../../src/engine/clv/types';
import { InputError, type CustomerResult, type Transaction } from '../../../src/engine/types';
import { messageIn, STRINGS } from '../../../src/i18n';
import { steadyBuyers } from './steady';

const day0 = 10000;
function tx(customer: string, day: number, amount: number, row: number): Transaction {
  return { customerId: customer, day, amount, rowNumber: row };
}

/** Persian text: has Persian letters, and no English word of three letters or more. */
function expectPersian(text: string): void {
  expect(text).toMatch(/[\u0600-\u06FF]/);
  expect(text.match(/\b[a-zA-Z]{3,}\b/g) ?? []).toEqual([]);
}

function expectKeyed(r: KeyedReason | undefined, key: string): void {
  expect(r?.key).toBe(key);
  expect(r && messageIn({ ...r, text: r.reason }, 'en')).toBe(r?.reason);
  const fa = r ? messageIn({ ...r, text: r.reason }, 'fa') : '';
  expectPersian(fa.replace(/BG\/NBD/g, ''));
}

describe('skip reasons carry their key', () => {
  it.each([
    ['one customer', [tx('a', day0, 5, 2), tx('a', day0 + 3, 7, 3), tx('a', day0 + 9, 4, 4)], 'predict.reason.fewCustomers', /only 1 customer/],
    ['one date', Array.from({ length: 30 }, (_, i) => tx(`c${i}`, day0, 10 + i, i + 2)), 'predict.reason.oneDay', /one day/],
    ['all one-time buyers', Array.from({ length: 30 }, (_, i) => tx(`c${i}`, day0 + i, 10 + i, i + 2)), 'predict.reason.noRepeat', /more than one day/],
  ] as [string, Transaction[], string, RegExp][])('%s', (_, rows, key, english) => {
    const clv = analyzeTransactions(rows, { clusters: 'off' }).clv;
    expect(clv).toMatchObject({ status: 'skipped', key, reason: expect.stringMatching(english) });
    expectKeyed(clv as KeyedReason, key);
  });

  it('the numbers of "only 1 customer" are in the Persian text too', () => {
    const clv = analyzeTransactions([tx('a', day0, 5, 2), tx('a', day0 + 3, 7, 3)], { clusters: 'off' }).clv as KeyedReason;
    expect(clv.params).toEqual({ customers: 1, min: 10 });
    expect(messageIn({ ...clv, text: clv.reason }, 'fa')).toMatch(/۱.*۱۰/); // Persian text carries Persian digits
  });

  it('customer-level input, model off, clustering off', () => {
    const inputs = Array.from({ length: 20 }, (_, i) => ({ customerId: `k${i}`, recencyDays: i * 3, frequency: 1 + (i % 4), monetary: 10 + i, rowNumber: i + 2 }));
    expectKeyed(analyzeCustomers(inputs, {}).clv as KeyedReason, 'predict.reason.customerInput');
    const off = analyzeTransactions([tx('a', day0, 5, 2)], { model: 'off', clusters: 'off' });
    expectKeyed(off.clv as KeyedReason, 'predict.reason.off');
    expectKeyed(off.clusters as KeyedReason, 'predict.clusters.off');
  });

  it('a holdout that starts after the data, and one with too little before it', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [tx(`c${i}`, day0 + (i % 30), 10, 3 * i + 2), tx(`c${i}`, day0 + 60 + (i % 50), 12, 3 * i + 3), tx(`c${i}`, day0 + 150 + (i % 40), 9, 3 * i + 4)]).flat();
    const after = analyzeTransactions(rows, { clusters: 'off', holdoutFrom: day0 + 1000 }).clv as ClvReport;
    expectKeyed(after.holdout as KeyedReason, 'predict.holdout.afterEnd');
    const early = analyzeTransactions(rows, { clusters: 'off', holdoutFrom: day0 + 1 }).clv as ClvReport;
    const holdout = early.holdout as KeyedReason;
    expectKeyed(holdout, 'predict.holdout.beforeStart');
    // the inner reason is a key too, so Persian has no English inside
    expect(holdout.reason).toMatch(/^before the holdout start, only \d+ customer\(s\) with purchases/);
  });

  it('clusters: too few customers, all alike', () => {
    const c = (id: string): CustomerResult => ({ id, recencyDays: 5, frequency: 2, monetary: 30, lengthDays: 10, revenue: 30 }) as CustomerResult;
    expectKeyed(runClusters([c('a')], { k: 'auto' }).report as KeyedReason, 'predict.clusters.fewCustomers');
    expectKeyed(runClusters([c('a'), c('b'), c('c'), c('d')], { k: 'auto' }).report as KeyedReason, 'predict.clusters.allSame');
  });

  it('a failure names the error, in the language when the error is keyed', () => {
    const keyed = errorParams(new InputError('No rows', 'engine.error.emptyInput'));
    expect(keyed).toMatchObject({ error: 'No rows', errorKey: 'engine.error.emptyInput' });
    expect(errorParams(new Error('boom'))).toEqual({ error: 'boom' });
  });
});

describe('model notes', () => {
  it('customers who all keep buying every week or two up to the end: almost no dropout, and a note says so', () => {
    // nobody stops buying, so the dropout probability per purchase (a / (a + b)) must come out near 0
    const rows = steadyBuyers();
    const analysis = analyzeTransactions(rows, { clusters: 'off', model: 'mbgnbd' });
    const clv = analysis.clv as ClvReport;
    const fit = clv.fits.mbgnbd!;
    if (fit.model === 'paretonbd') throw new Error('expected the modified BG/NBD');
    expect(fit.params.a / (fit.params.a + fit.params.b)).toBeLessThan(0.01);
    expect(clv.churn.dropoutUnseparated).toBe(true);
    const note = clv.keyedNotes?.find((n) => n.key === 'predict.note.noDropout');
    expect(note?.text).toMatch(/^the data cannot tell customers who left from slow buyers .* about [\d,]+ customers are not expected to buy in that time$/);
    expect(clv.notes).toContain(note?.text);
    expectPersian(messageIn(note!, 'fa'));
    // nobody is called churned
    expect(clv.churn.churned).toBe(0);
  });

  it('the penalised-refit note and option notes are keyed, and notes and keyedNotes agree', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [tx(`c${i}`, day0 + (i % 7), 10, 2 * i + 2), tx(`c${i}`, day0 + 20 + (i % 11), 5, 2 * i + 3)]).flat();
    const clv = analyzeTransactions(rows, { clusters: 'off', horizonMonths: 0, discountRate: 2, margin: 5 }).clv as ClvReport;
    const keys = clv.keyedNotes?.map((n) => n.key) ?? [];
    expect(keys).toEqual(expect.arrayContaining(['predict.note.horizon', 'predict.note.discountRate', 'predict.note.margin', 'predict.note.penalised']));
    expect(clv.keyedNotes?.map((n) => n.text)).toEqual(clv.notes);
    for (const n of clv.keyedNotes ?? []) {
      expect(n.key in STRINGS.fa).toBe(true);
      expectPersian(messageIn(n, 'fa').replace(/BG\/NBD/g, ''));
    }
    expect(clv.notes.join(' ')).toMatch(/horizon of 0 months is not a whole number from 1 to 600; 12 months used/);
  });
});
