/**
 * The same data give the same spend model and CLV in the pane (its worker path), the CLI and the
 * =RFM.FIT / =RFM.CLV formulas: on a Persian rial sample built here (Jalali date text and
 * Persian-digit rial amounts in the CLI's file; Excel date serials and plain numbers in the pane's
 * table), on the raw CDNOW sample (where the published fit p 6.25, q 3.74, v 15.44 must be used),
 * and on the R package's orders, whose Gamma-Gamma fit has no maximum (q ran to 35,914,345 in one
 * row order and 208,406,427 in the other): there every host falls back to the mean spend.
 *
 * The formulas' histories (x, t_x, T, zbar) are computed here from the raw rows, by hand.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { clv } from '../../src/functions/functions';
// RFM.CUSTOMERTABLE and RFM.FIT computed synchronously (the registered functions run them in a worker: offThread.ts)
import { fitNow as fit } from '../../src/functions/heavy';
import { handleMessage } from '../../src/taskpane/worker';
import type { FromWorker } from '../../src/taskpane/protocol';
import { packTable } from '../../src/excel/packedTable';
import type { Analysis, AnalysisOptions, Cell, InputTable } from '../../src/engine/types';
import { requireSharedData } from '../support/sharedData';

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-spend-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const DAY_MS = 86_400_000;
/** Excel serial of 1970-01-01. */
const EPOCH_SERIAL = 25569;

/** JSON of the CLI run on a file. */
async function cliJson(file: string, ...args: string[]): Promise<Analysis> {
  const out = path.join(dir, `${path.basename(file)}.json`);
  let stderr = '';
  const code = await main(['analyze', file, '--model', 'bgnbd', '--clusters', 'off', '--out', out, ...args], {
    stdout: { write: () => true },
    stderr: { isTTY: false, write: (t: string) => (stderr += t) },
  });
  expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Analysis;
}

/** The pane's path: the table packed to the worker, the options the pane sends. */
function paneAnalysis(table: InputTable, options: AnalysisOptions): Analysis {
  const out: FromWorker[] = [];
  handleMessage({ type: 'run', table: packTable(table), options: { inputKind: 'transactions', bins: 5, split: 'mean', model: 'bgnbd', clusters: 'off', ...options } }, (m) => out.push(m));
  const made = out.find((m) => m.type === 'analysis');
  if (!made || made.type !== 'analysis') throw new Error(JSON.stringify(out.find((m) => m.type === 'error')));
  return made.analysis;
}

interface Line {
  customer: string;
  day: number;
  amount: number;
}

/** x, t_x and T in weeks, zbar and the mean spend per purchase day, per customer in first-seen order. */
function histories(lines: Line[], endDay: number): { ids: string[]; x: number[]; tx: number[]; T: number[]; zbar: number[]; meanDay: number[] } {
  const byCustomer = new Map<string, Map<number, number>>();
  for (const l of lines) {
    if (l.day > endDay) continue;
    const days = byCustomer.get(l.customer) ?? new Map<number, number>();
    days.set(l.day, (days.get(l.day) ?? 0) + l.amount);
    byCustomer.set(l.customer, days);
  }
  const h = { ids: [] as string[], x: [] as number[], tx: [] as number[], T: [] as number[], zbar: [] as number[], meanDay: [] as number[] };
  for (const [id, days] of byCustomer) {
    const sorted = [...days.entries()].sort((a, b) => a[0] - b[0]);
    const first = sorted[0][0];
    const repeat = sorted.slice(1).map(([, v]) => v);
    h.ids.push(id);
    h.x.push(repeat.length);
    h.tx.push((sorted[sorted.length - 1][0] - first) / 7);
    h.T.push((endDay - first) / 7);
    h.zbar.push(repeat.length ? repeat.reduce((s, v) => s + v, 0) / repeat.length : 0);
    h.meanDay.push(sorted.reduce((s, [, v]) => s + v, 0) / sorted.length);
  }
  return h;
}

const column = (values: number[]): number[][] => values.map((v) => [v]);
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-12, Math.abs(b));

/**
 * Checks the formulas against an analysis: RFM.FIT's p, q, v (or #N/A when the analysis fell back)
 * and RFM.CLV of every customer.
 */
function expectFormulasMatch(analysis: Analysis, lines: Line[]): void {
  const h = histories(lines, analysis.settings.analysisDate - 1);
  const fitted = fit(column(h.x), column(h.tx), column(h.T), column(h.zbar));
  const values = fitted[1] as unknown[];
  const report = analysis.clv?.status === 'ok' ? analysis.clv : undefined;
  if (!report) throw new Error('the analysis has no CLV');
  const bg = report.fits.bgnbd;
  expect([0, 1, 2, 3].every((i) => relative(values[i] as number, Object.values(bg?.params ?? {})[i]) < 1e-4)).toBe(true);
  let params: number[][];
  let spendArg: number[];
  if (report.spend.status === 'ok') {
    const { p, q, v } = report.spend.params;
    expect(relative(values[4] as number, p)).toBeLessThan(1e-4);
    expect(relative(values[5] as number, q)).toBeLessThan(1e-4);
    expect(relative(values[6] as number, v)).toBeLessThan(1e-4);
    params = [values as number[]];
    spendArg = h.zbar;
  } else {
    expect(values.slice(4).map((v) => (v as { code?: string }).code)).toEqual(['#N/A', '#N/A', '#N/A']);
    expect((values[4] as { message: string }).message).toContain('zbar: the spend model (Gamma-Gamma) was not used');
    // RFM.FIT's spill passes whole: the #N/A cells of p, q, v mean "no spend model"
    params = fitted as number[][];
    spendArg = h.meanDay;
  }
  const formulaClv = clv(column(h.x), column(h.tx), column(h.T), column(spendArg), params).map((row) => row[0] as number);
  const clvOf = new Map(analysis.customers.map((c) => [c.id, c.clv as number]));
  const worst = Math.max(...h.ids.map((id, i) => Math.abs(formulaClv[i] - (clvOf.get(id) as number)) / Math.max(1, Math.abs(clvOf.get(id) as number))));
  expect(worst).toBeLessThan(1e-4);
}

/** A deterministic generator in [0, 1) (mulberry32). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a Persian rial sample', () => {
  // 120 customers over a year from 2023-03-21 (1402/01/01): each has a spend level from 500,000 to
  // about 10,000,000 rials (log-uniform) and buys 1 to 8 times, each purchase 50%-150% of the level,
  // to 1,000 rials
  const random = generator(1402);
  const start = Date.UTC(2023, 2, 21) / DAY_MS;
  const lines: Line[] = [];
  for (let c = 1; c <= 120; c++) {
    const level = 500_000 * Math.exp(3 * random());
    const purchases = 1 + Math.floor(random() * 8);
    const first = Math.floor(random() * 200);
    for (let k = 0; k < purchases; k++) {
      lines.push({ customer: `مشتری ${c}`, day: start + first + Math.floor(random() * 160), amount: Math.round((level * (0.5 + random())) / 1000) * 1000 });
    }
  }
  const jalali = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  const analysisDate = start + 366;

  it('gives the same spend model and CLV in the pane, the CLI and the formulas', async () => {
    const file = path.join(dir, 'rial.csv');
    const text = ['مشتری,تاریخ,مبلغ', ...lines.map((l) => `${l.customer},${jalali.format(new Date(l.day * DAY_MS))},${l.amount.toLocaleString('fa-IR')} ریال`)].join('\n');
    fs.writeFileSync(file, text);
    expect(text).toContain('۱۴۰۲/۰۱/');
    const cli = await cliJson(file, '--analysis-date', new Date(analysisDate * DAY_MS).toISOString().slice(0, 10));
    const table: InputTable = {
      header: ['مشتری', 'تاریخ', 'مبلغ'],
      rows: lines.map((l): Cell[] => [l.customer, l.day + EPOCH_SERIAL, l.amount]),
      dateFormattedColumns: [false, true, false],
    };
    const pane = paneAnalysis(table, { columns: { customer: 0, date: 1, amount: 2 }, analysisDate });
    expect(cli.totals.customers).toBe(120);
    expect(pane.clv).toEqual(cli.clv);
    expect(pane.customers.map((c) => [c.id, c.clv])).toEqual(cli.customers.map((c) => [c.id, c.clv]));
    expect(cli.clv?.status === 'ok' && cli.clv.spend).toMatchObject({ status: 'ok' });
    expectFormulasMatch(cli, lines);
  });
});

describe('the raw CDNOW sample (calibration to 1997-09-30)', () => {
  it('uses the published fit p 6.25, q 3.74, v 15.44 in the pane, the CLI and the formulas', async () => {
    const raw = fs.readFileSync(requireSharedData('cdnow/CDNOW_sample.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const fields = raw.map((l) => l.trim().split(/\s+/));
    const dayOf = (yyyymmdd: string) => Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / DAY_MS;
    const analysisDate = dayOf('19971001');
    const lines = fields.filter((f) => dayOf(f[2]) < analysisDate).map((f) => ({ customer: f[1], day: dayOf(f[2]), amount: Number(f[4]) }));
    const cli = await cliJson(requireSharedData('cdnow/CDNOW_sample.txt'), '--customer', 'column2', '--date', 'column3', '--amount', 'column5', '--analysis-date', '1997-10-01');
    const table: InputTable = { header: ['column1', 'column2', 'column3', 'column4', 'column5'], rows: fields };
    const pane = paneAnalysis(table, { columns: { customer: 1, date: 2, amount: 4 }, analysisDate });
    expect(pane.clv).toEqual(cli.clv);
    const spend = cli.clv?.status === 'ok' ? cli.clv.spend : undefined;
    expect(spend?.status).toBe('ok');
    if (spend?.status !== 'ok') return;
    expect(spend.params.p).toBeCloseTo(6.25, 2);
    expect(spend.params.q).toBeCloseTo(3.74, 2);
    expect(spend.params.v).toBeCloseTo(15.44, 2);
    expectFormulasMatch(cli, lines);
  });
});

describe("the R package's orders: a spend fit without a maximum", () => {
  it('falls back to the mean spend, with the same answer whatever the row order, in every host', async () => {
    const [header, ...rows] = fs.readFileSync(requireSharedData('rfm-r/rfm_data_orders.csv'), 'utf8').trim().split(/\r?\n/);
    const reversed = path.join(dir, 'reversed.csv');
    fs.writeFileSync(reversed, [header, ...rows.slice().reverse()].join('\n'));
    const cli = await cliJson(requireSharedData('rfm-r/rfm_data_orders.csv'), '--analysis-date', '2007-01-01');
    const cliReversed = await cliJson(reversed, '--analysis-date', '2007-01-01');
    const spend = cli.clv?.status === 'ok' ? cli.clv.spend : undefined;
    expect(spend?.status).toBe('fallback');
    expect(spend?.status === 'fallback' && spend.params?.reasonKey).toBe('predict.spend.ridge');
    expect(cliReversed.clv?.status === 'ok' && cliReversed.clv.spend.status).toBe('fallback');
    const clvOf = new Map(cliReversed.customers.map((c) => [c.id, c.clv as number]));
    expect(Math.max(...cli.customers.map((c) => relative(c.clv as number, clvOf.get(c.id) as number)))).toBeLessThan(1e-3);
    expect(cli.clv?.status === 'ok' && cli.clv.notes.some((n) => n.startsWith('the spend model (Gamma-Gamma) was not used'))).toBe(true);
    const table: InputTable = { header: header.split(','), rows: rows.map((r) => r.split(',')) };
    const pane = paneAnalysis(table, { columns: { customer: 0, date: 1, amount: 2 }, analysisDate: Date.UTC(2007, 0, 1) / DAY_MS });
    expect(pane.clv).toEqual(cli.clv);
    const lines = rows.map((r) => r.split(',')).map((f) => ({ customer: f[0], day: Date.parse(`${f[1]}T00:00:00Z`) / DAY_MS, amount: Number(f[2]) }));
    expectFormulasMatch(cli, lines);
  });
});
