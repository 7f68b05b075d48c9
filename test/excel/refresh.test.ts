/** First run, Refresh and write-back through the simulator, with the real engine and report. */
import { readSelection } from '../../src/excel/read';
import { refresh, writeRun } from '../../src/excel/refresh';
import { loadSettings } from '../../src/excel/settings';
import { ExcelInputError } from '../../src/excel/errors';
import { buildWorkbookPlan } from '../../src/report/build';
import type { ExcelHost } from '../../src/excel/host';
import { createExcelSimulator, type SimulatedExcel } from '../../src/simulator';
import { simulatorHost } from '../../src/simulator/host';
import { analyzeTable } from './pipeline';
import { rejection } from './fixtures';

const HEADER = ['Customer', 'Order date', 'Amount'];
/** Day serials 45000.. ; customer "=HYPERLINK(...)" must stay text everywhere. */
const ROWS: (string | number)[][] = [
  ['alice', 45000, 100], ['alice', 45010, 50], ['bob', 45005, 20], ['=HYPERLINK("http://x","y")', 45020, 75],
  ['carol', 45001, 300], ['carol', 45015, 10], ['carol', 45030, 40], ['dave', 44990, 5], ['+1', 45025, 60], ['-2+3', 45002, 80],
];

function workbook(): { sim: SimulatedExcel; host: ExcelHost } {
  const sim = createExcelSimulator();
  sim.addSheet('Sales', [HEADER, ...ROWS], [HEADER.map(() => 'General'), ...ROWS.map(() => ['General', 'yyyy-mm-dd', '0.00'])]);
  sim.select('Sales', 'A1:C11');
  return { sim, host: simulatorHost(sim) };
}

async function firstRun(host: ExcelHost, writeBack = false, budgetBytes?: number) {
  const read = await readSelection(host);
  const analysis = analyzeTable(read.data);
  const plan = buildWorkbookPlan(analysis, { lang: 'en' });
  return writeRun(host, { plan, analysis, read, options: { bins: 3 }, lang: 'en', writeBack, budgetBytes });
}

/** Everything a run can change: sheet names, every sheet's formulas, the tables and the settings. */
function snapshot(sim: SimulatedExcel) {
  return { names: sim.sheetNames(), cells: sim.sheetNames().map((n) => sim.formulas(n)), tables: sim.tables(), settings: sim.settings() };
}

const deps = (host: ExcelHost) => ({ host, analyze: analyzeTable });

describe('writeRun and refresh', () => {
  it('saves the source, mapping by header, options and language', async () => {
    const { sim, host } = workbook();
    await firstRun(host);
    expect(await loadSettings(host)).toEqual({
      version: 1,
      source: { kind: 'range', sheetId: sim.sheet('Sales').id, sheetName: 'Sales', headerAddress: 'A1:C1' },
      columns: { customer: 'Customer', date: 'Order date', amount: 'Amount' },
      options: { bins: 3 },
      lang: 'en',
      writeBack: false,
    });
  });

  it('refresh re-reads pasted rows and rewrites every output in place', async () => {
    const { sim, host } = workbook();
    const first = await firstRun(host);
    const names = first.render.sheets.map((s) => s.name);
    const before = sim.sheetNames();
    sim.setCells('Sales', 'A12', [['erin', 45040, 90], ['erin', 45041, 10]], [['General', 'yyyy-mm-dd', '0.00'], ['General', 'yyyy-mm-dd', '0.00']]);
    const stages: string[] = [];
    const result = await refresh({ ...deps(host), onProgress: (_f, stage) => stages.push(stage) });
    expect(result.customers).toBe(8);
    expect(result.sheets).toEqual(names);
    expect(sim.sheetNames()).toEqual(before);
    const customerSheet = names[1];
    const ids = sim.values(customerSheet).slice(1).map((r) => r[0]);
    // The ten fixture rows' seven customers plus the pasted erin, each once, none changed.
    expect([...ids].sort()).toEqual(['+1', '-2+3', '=HYPERLINK("http://x","y")', 'alice', 'bob', 'carol', 'dave', 'erin']);
    expect(sim.formulas(customerSheet).slice(1).map((r) => r[0])).toEqual(ids);
    // Reading first, then writing only: the distinct stages in the order they came.
    expect(stages.filter((stage, i) => stage !== stages[i - 1])).toEqual(['read', 'write']);
  });

  it('refresh uses the engine and the report by default', async () => {
    const { sim, host } = workbook();
    await firstRun(host);
    const result = await refresh({ host });
    expect(result.customers).toBe(7);
    expect(result.skippedRows).toBe(0);
    expect(sim.values('Customers').length).toBe(8);
  });

  it('refresh applies an edited Segment rules sheet through parseRules', async () => {
    const { sim, host } = workbook();
    await firstRun(host);
    const seen: unknown[][][] = [];
    await refresh({
      ...deps(host),
      parseRules: (values) => {
        seen.push(values);
        return [{ name: 'Everyone', recency: [1, 5], frequency: [1, 5], monetary: [1, 5], actionEn: 'Thank them', actionFa: 'سپاس' }];
      },
    });
    expect(seen).toHaveLength(1);
    const segments = sim.values('Customers').slice(1).map((r) => r[sim.values('Customers')[0].indexOf('Segment')]);
    expect(new Set(segments)).toEqual(new Set(['Everyone']));
  });

  it('refuses clearly when nothing was saved or the source header changed', async () => {
    const { sim, host } = workbook();
    const none = await rejection(refresh(deps(host)));
    expect(none.key).toBe('excel.noSettings');
    await firstRun(host);
    sim.setCells('Sales', 'C1', [['Total']]);
    const moved = await rejection(refresh(deps(host)));
    expect(moved.key).toBe('excel.headerMoved');
    expect(moved.message).toContain('"Amount"');
  });
});

describe('write-back', () => {
  it('writes segment and RFM code beside the source into empty columns, then again on refresh', async () => {
    const { sim, host } = workbook();
    const run = await firstRun(host, true);
    expect(run.writeBack).toMatchObject({ column: 3, headerRow: 0, headers: ['RFM segment', 'RFM code'] });
    const values = sim.values('Sales');
    expect(values[0]).toEqual([...HEADER, 'RFM segment', 'RFM code']);
    /** Each customer's [segment, RFM code] on the Customers sheet. */
    const customerCodes = () => {
      const [head, ...rows] = sim.values('Customers');
      return new Map(rows.map((r) => [r[0], [r[head.indexOf('Segment')], r[head.indexOf('RFM code')]]]));
    };
    const before = customerCodes();
    for (const row of values.slice(1)) expect(row.slice(3, 5)).toEqual(before.get(row[0]));
    sim.setCells('Sales', 'A12', [['zoe', 45050, 20]]);
    await refresh(deps(host));
    const after = customerCodes();
    expect(after.has('zoe')).toBe(true);
    for (const row of sim.values('Sales').slice(1)) expect(row.slice(3, 5)).toEqual(after.get(row[0]));
  });

  it('refuses to overwrite cells it did not write, and writes nothing', async () => {
    const { sim, host } = workbook();
    sim.setCells('Sales', 'E5', [['my note']]);
    const error = await firstRun(host, true).catch((e: ExcelInputError) => e);
    expect(error).toBeInstanceOf(ExcelInputError);
    expect((error as ExcelInputError).key).toBe('excel.writeBackBlocked');
    expect((error as ExcelInputError).message).toContain('D1:E11');
    expect(sim.values('Sales', 'D1:E11').flat().filter((v) => v !== '')).toEqual(['my note']);
    expect(sim.sheetNames()).toEqual(['Sales']);
    expect(sim.settings()).toEqual({});
  });

  it('decides before rendering: a refusal after an earlier run keeps that run\'s sheets and settings', async () => {
    const { sim, host } = workbook();
    await firstRun(host);
    sim.setCells('Sales', 'E5', [['my note']]);
    const before = snapshot(sim);
    sim.clearSyncLog();
    const error = await rejection(firstRun(host, true));
    expect(error.key).toBe('excel.writeBackBlocked');
    expect(snapshot(sim)).toEqual(before);
    expect(sim.syncs.flatMap((s) => s.ops).filter((op) => op.endsWith('.set') || op.endsWith('.add'))).toEqual([]);
  });

  it('a failure half-way through write-back puts back the earlier write-back and keeps the earlier run', async () => {
    const { sim, host } = workbook();
    await firstRun(host, true);
    sim.setCells('Sales', 'C2', [[5000]]);
    const before = snapshot(sim);
    let headerSeen = false;
    sim.failNext('Range.values.set', 'GeneralException', (values) => {
      if (headerSeen) return true;
      headerSeen = JSON.stringify(values).includes('RFM segment');
      return false;
    });
    const error = await rejection(firstRun(host, true, 200));
    expect(error.key).toBe('excel.writeFailed');
    expect(headerSeen).toBe(true);
    expect(snapshot(sim)).toEqual(before);
  });

  it.each([true, false])('a failure saving the settings (write-back %s) leaves the workbook as it was', async (writeBack) => {
    const { sim, host } = workbook();
    await firstRun(host, writeBack);
    sim.setCells('Sales', 'C2', [[5000]]);
    const before = snapshot(sim);
    sim.failNext('SettingCollection.add');
    const error = await rejection(firstRun(host, writeBack));
    expect(error.key).toBe('excel.writeFailed');
    expect(snapshot(sim)).toEqual(before);
  });
});
