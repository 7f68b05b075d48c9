/**
 * The zero-amount rule and the analysis window through `rfm analyze`, against independent figures:
 * the published BG/NBD and Gamma-Gamma fits of the CDNOW sample (Fader, Hardie & Lee 2005; the
 * lifetimes and BTYD walkthroughs), and counts made here from the raw rows of the R package's file.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { requireSharedData } from '../support/sharedData';

// Whole analyses of real files (clusters and purchase models included) on a shared 2-core machine.
jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-window-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = runCli;

interface FitJson {
  params: Record<string, number>;
  logLikelihood: number;
  customers: number;
}

describe('CDNOW sample, raw lines, calibration to 1997-09-30', () => {
  it('gives the published 2,357 customers, BG/NBD fit and Gamma-Gamma fit', async () => {
    const out = path.join(dir, 'cdnow.json');
    const result = await run('analyze', requireSharedData('cdnow/CDNOW_sample.txt'), '--customer', 'column2', '--date', 'column3', '--amount', 'column5',
      '--analysis-date', '1997-10-01', '--time-unit', 'weeks', '--clusters', 'off', '--out', out);
    expect(result.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      totals: { customers: number };
      clv: { fits: { bgnbd: FitJson; paretonbd: FitJson }; spend: { status: string; params: { p: number; q: number; v: number } } };
    };
    // Fader, Hardie & Lee (2005): 2,357 customers; r 0.2426, α 4.4136, a 0.7929, b 2.4259, LL −9582.43
    expect(json.totals.customers).toBe(2357);
    const bg = json.clv.fits.bgnbd;
    expect(bg.customers).toBe(2357);
    expect(Math.abs(bg.params.r - 0.2426)).toBeLessThan(0.001);
    expect(Math.abs(bg.params.alpha - 4.4136)).toBeLessThan(0.001);
    expect(Math.abs(bg.params.a - 0.7929)).toBeLessThan(0.001);
    expect(Math.abs(bg.params.b - 2.4259)).toBeLessThan(0.001);
    expect(bg.logLikelihood).toBeCloseTo(-9582.43, 2);
    // the default model choice reports every candidate fitted on the whole calibration: Pareto/NBD as
    // published in the BTYD and CLVTools walkthroughs (r 0.553, α 10.578, s 0.606, β 11.669, LL −9595.0)
    const pnbd = json.clv.fits.paretonbd;
    expect(Math.abs(pnbd.params.r - 0.553)).toBeLessThan(0.005);
    expect(Math.abs(pnbd.params.s - 0.606)).toBeLessThan(0.005);
    expect(Math.abs(pnbd.params.alpha - 10.578)).toBeLessThan(0.05);
    expect(Math.abs(pnbd.params.beta - 11.669)).toBeLessThan(0.25);
    expect(pnbd.logLikelihood).toBeCloseTo(-9595.0, 0);
    // lifetimes' GammaGammaFitter on the same summary: p 6.25, q 3.74, v 15.44 (used, not a fallback)
    expect(json.clv.spend.status).toBe('ok');
    expect(json.clv.spend.params.p).toBeCloseTo(6.25, 2);
    expect(json.clv.spend.params.q).toBeCloseTo(3.74, 2);
    expect(json.clv.spend.params.v).toBeCloseTo(15.44, 2);
    // the rows from 1997-10-01 on, counted from the raw lines (date in the third field, YYYYMMDD)
    const lines = fs.readFileSync(requireSharedData('cdnow/CDNOW_sample.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const later = lines.filter((l) => l.trim().split(/\s+/)[2] >= '19971001').length;
    expect(later).toBeGreaterThan(0);
    expect(result.stderr).toContain(`(after-analysis-date ${later.toLocaleString('en-US')})`);
  });
});

describe("the R package's orders with --analysis-date 2006-07-01", () => {
  it('gives exactly what the rows before 2006-07-01 give', async () => {
    const text = fs.readFileSync(requireSharedData('rfm-r/rfm_data_orders.csv'), 'utf8');
    const [header, ...rows] = text.trim().split(/\r?\n/);
    const before = rows.filter((line) => line.split(',')[1] < '2006-07-01');
    const earlier = path.join(dir, 'before.csv');
    fs.writeFileSync(earlier, [header, ...before].join('\n'));
    const whole = await run('analyze', requireSharedData('rfm-r/rfm_data_orders.csv'), '--analysis-date', '2006-07-01');
    const cut = await run('analyze', earlier, '--analysis-date', '2006-07-01');
    expect(whole.code).toBe(0);
    expect(cut.code).toBe(0);
    expect(whole.stdout).toBe(cut.stdout);
    const customers = new Set(before.map((line) => line.split(',')[0])).size;
    expect(whole.stdout.trim().split('\n')).toHaveLength(customers + 1);
    const later = rows.length - before.length;
    expect(whole.stderr).toContain(`skipped ${later.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} rows (after-analysis-date ${later.toLocaleString('en-US')})`);
    const firstRow = rows.findIndex((line) => line.split(',')[1] >= '2006-07-01') + 2; // the header is row 1
    expect(whole.stderr).toContain(`rfm: note: ${later.toLocaleString('en-US')} row(s) dated on or after the analysis date 2006-07-01 were not used by any part of the analysis (first: row ${firstRow}).\n`);
    expect(cut.stderr).not.toContain('after-analysis-date');
  });

  it('an analysis date on or before the first purchase exits 2 with one line naming --analysis-date', async () => {
    const result = await run('analyze', requireSharedData('rfm-r/rfm_data_orders.csv'), '--analysis-date', '2001-10-29');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('rfm: --analysis-date: the analysis date 2001-10-29 is on or before the first purchase (2001-10-29): no purchase comes before it. Choose a later analysis date.\n');
  });
});

describe('with no --analysis-date, rows dated after today are skipped', () => {
  it('a 9999-12-31 placeholder does not move the analysis date', async () => {
    const file = path.join(dir, 'placeholder.csv');
    fs.writeFileSync(file, 'customer,date,amount\na,2024-01-01,10\nb,2024-01-05,20\na,9999-12-31,0\nb,2024-01-09,5\n');
    const out = path.join(dir, 'placeholder.json');
    const result = await run('analyze', file, '--today', '2026-12-03', '--model', 'off', '--clusters', 'off', '--out', out);
    expect(result.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as { settings: { analysisDate: number }; customers: { id: string; recencyDays: number }[]; skipped: { byReason: object } };
    expect(json.settings.analysisDate).toBe(Date.UTC(2024, 0, 10) / 86_400_000); // day number of 2024-01-10
    expect(json.customers.map((c) => [c.id, c.recencyDays])).toEqual([['a', 9], ['b', 1]]);
    expect(json.skipped.byReason).toEqual({ 'future-date': 1 });
    expect(result.stderr).toContain('rfm: skipped 1 of 4 rows (future-date 1); first: row 4 future-date (dated 9999-12-31, after today (2026-12-03); give an analysis date to use it)');
  });

  it('--today must be a date', async () => {
    const result = await run('analyze', requireSharedData('rfm-r/rfm_data_orders.csv'), '--today', 'soon');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("rfm: --today must be a date YYYY-MM-DD, got 'soon'\n");
  });
});
