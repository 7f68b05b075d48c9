/**
 * The pane's behaviour without a browser: the controller over a fake workbook, a fake run and a
 * view that records what it is asked to draw. Expected texts come from the string tables with
 * values counted here from the rows given.
 */
import { t, type Lang } from '../../src/i18n';
import type { Analysis, AnalysisOptions, InputTable } from '../../src/engine/types';
import { PaneController, type PaneForm, type PaneState } from '../../src/taskpane/controller';
import type { PaneHost, RunSettings, SourceBlock } from '../../src/taskpane/host';
import { CancelledError, type PaneResult, type Run, type RunFeed } from '../../src/taskpane/runner';

/** A run started on the table (in-process here). */
type StartRun = RunFeed<PaneResult>['start'];
import type { SheetPlan, WorkbookPlan } from '../../src/report/plan';
import { packTable } from '../../src/excel/packedTable';

const HEADER = ['Customer', 'Date', 'Amount'];
const ROWS = [['A', 45292, 10], ['B', 45293, 20], ['A', 45300, 5], ['C', 45301, 7]];

function block(rows: InputTable['rows'] = ROWS): SourceBlock {
  return { data: packTable({ header: [...HEADER], rows }), head: rows, address: 'Sales!A1:C5', source: { kind: 'range', address: 'Sales!A1:C5' } } as unknown as SourceBlock;
}

/** A stand-in analysis: the controller only carries it to the view and reads its customer count. */
function analysis(customers: number, orders: number): Analysis {
  return { totals: { customers, orders, revenue: 0 } } as unknown as Analysis;
}

interface Fixture {
  controller: PaneController;
  states: PaneState[];
  writes: RunSettings[];
  lists: SheetPlan[];
  runs: { options: AnalysisOptions; lang: Lang }[];
  saved: Lang[];
  form: { options: ReturnType<PaneForm['options']>; mapping?: PaneForm['mapping'] };
  focused: number;
  /** What the worker feed got: parts ahead of the run, the parts the run carried, cancels. */
  feed: { parts: number; runParts: number[]; cancels: number };
}

function fixture(opts: { lang?: Lang; rows?: InputTable['rows']; result?: Analysis; startRun?: StartRun } = {}): Fixture {
  const f = {
    states: [] as PaneState[], writes: [] as RunSettings[], lists: [] as SheetPlan[], runs: [] as Fixture['runs'], saved: [] as Lang[], focused: 0, feed: { parts: 0, runParts: [] as number[], cancels: 0 },
    form: { options: { bins: '5', analysisDate: '', split: 'mean', dayMonth: '', zeroAmounts: 'purchase', writeBack: false } } as Fixture['form'],
  } as Fixture;
  const host: PaneHost = {
    displayLanguage: () => undefined,
    savedLanguage: async () => undefined,
    saveLanguage: async (lang) => void f.saved.push(lang),
    listTables: async () => [],
    read: async (_choice, _progress, onPart) => {
      const read = block(opts.rows);
      if (onPart) for (const part of read.data.parts.splice(0)) await onPart(part);
      return read;
    },
    write: async (_plan, _a, _b, settings) => {
      f.writes.push(settings);
      return ['Summary', 'Customers'];
    },
    writeList: async (plan) => {
      f.lists.push(plan);
      return plan.name;
    },
    activateSheet: async () => undefined,
  };
  const startRun: StartRun = opts.startRun ?? ((_table, options, lang) => {
    f.runs.push({ options, lang: lang as Lang });
    return { result: Promise.resolve({ analysis: opts.result ?? analysis(3, 4), plan: {} as WorkbookPlan }), cancel: () => undefined };
  });
  // The mapping dropdowns hold what detection chose (the view draws state.mapping into them).
  const form: PaneForm = {
    source: () => ({ kind: 'selection' }),
    inputKind: () => 'transactions',
    mapping: () => (f.form.mapping ? f.form.mapping() : { ...(f.controller.current.mapping?.mapping ?? {}) }),
    options: () => f.form.options,
  };
  const openRun = () => ({
    part: async () => void f.feed.parts++,
    start: ((table, ...rest) => (f.feed.runParts.push(table.parts.length), startRun(table, ...rest))) as StartRun,
    cancel: () => void f.feed.cancels++,
  });
  f.controller = new PaneController(host, openRun, { form, render: (s) => void f.states.push(s), focusSummary: () => void f.focused++ }, opts.lang ?? 'en');
  return f;
}

const text = (state: Readonly<PaneState>, part: 'status' | 'error' | 'source') => state[part]?.(state.lang);

describe('PaneController', () => {
  test('the currency select: a code or none goes to the engine, as the data says adds nothing', async () => {
    const f = fixture();
    f.form.options = { ...f.form.options, currency: 'IRT' };
    await f.controller.analyze();
    expect(f.runs[0].options.currency).toBe('IRT');
    f.form.options = { ...f.form.options, currency: 'none' };
    await f.controller.analyze();
    expect(f.runs[1].options.currency).toBe('none');
    f.form.options = { ...f.form.options, currency: '' };
    await f.controller.analyze();
    expect('currency' in f.runs[2].options).toBe(false);
  });

  test('Analyze reads, detects the columns, runs, writes and shows the summary', async () => {
    const f = fixture();
    await f.controller.analyze();
    const state = f.controller.current;
    expect(state.mapping?.mapping).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(f.runs).toHaveLength(1);
    expect(f.runs[0].options).toMatchObject({ bins: 5, split: 'mean', columns: { customer: 0, date: 1, amount: 2 } });
    expect(f.writes).toHaveLength(1);
    expect(state.summary?.analysis.totals.customers).toBe(3);
    expect(state.summary?.sheetNames).toEqual(['Summary', 'Customers']);
    expect(text(state, 'status')).toBe(t('en', 'pane.done', { customers: '3', rows: '4' }));
    expect(text(state, 'source')).toBe(t('en', 'pane.source.read', { rows: '4', columns: '3', address: 'Sales!A1:C5' }));
    expect(state.busy).toBe(false);
    expect(state.progress).toBeUndefined();
    expect(f.focused).toBe(1);
    // While it ran the pane was busy with progress shown.
    expect(f.states.some((s) => s.busy && s.progress?.stageKey === 'pane.stage.writing')).toBe(true);
  });

  test("after the ribbon's Refresh the summary shows the refreshed run, not the earlier one", async () => {
    const f = fixture({ result: analysis(3, 4) });
    await f.controller.analyze();
    const before = f.controller.current.summary!;
    f.controller.refreshNotice({ state: 'start' });
    expect(f.controller.current.progress?.stageKey).toBe('pane.stage.reading');
    f.controller.refreshNotice({ state: 'progress', fraction: 0.7, stage: 'write' });
    expect(f.controller.current.progress).toEqual({ percent: 70, stageKey: 'pane.stage.writing' });
    const refreshed = analysis(5, 9);
    f.controller.refreshNotice({ state: 'done', customers: 5, analysis: refreshed, sheets: ['Summary'] });
    const after = f.controller.current;
    expect(after.summary?.analysis).toBe(refreshed);
    expect(after.summary?.sheetNames).toEqual(['Summary']);
    expect(after.summary!.serial).toBeGreaterThan(before.serial);
    expect(after.progress).toBeUndefined();
    expect(text(after, 'status')).toBe(t('en', 'pane.refresh.done', { customers: '5' }));
  });

  test('a language switch re-renders the status in Persian digits and saves the language', async () => {
    const f = fixture();
    await f.controller.analyze();
    f.controller.setLanguage('fa');
    expect(text(f.controller.current, 'status')).toBe(t('fa', 'pane.done', { customers: '۳', rows: '۴' }));
    expect(f.saved).toEqual(['fa']);
    // The same run is still shown, now in Persian.
    expect(f.controller.current.summary?.analysis.totals.customers).toBe(3);
  });

  test('Cancel during the run: nothing is written and the pane says so', async () => {
    let rejectRun: (e: Error) => void = () => undefined;
    const startRun: StartRun = () => {
      const run: Run<{ analysis: Analysis; plan: WorkbookPlan }> = {
        result: new Promise((_resolve, reject) => (rejectRun = reject)),
        cancel: () => rejectRun(new CancelledError()),
      };
      return run;
    };
    const f = fixture({ startRun });
    const running = f.controller.analyze();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(f.controller.current.cancellable).toBe(true);
    f.controller.cancel();
    await running;
    expect(f.writes).toEqual([]);
    expect(text(f.controller.current, 'status')).toBe(t('en', 'pane.cancelled'));
    expect(f.controller.current.summary).toBeUndefined();
  });

  test('Analyze without a read sends each part to the worker as it is read; Read first sends them with the run', async () => {
    const f = fixture();
    await f.controller.analyze();
    expect(f.feed).toEqual({ parts: 1, runParts: [0], cancels: 1 });
    await f.controller.check();
    await f.controller.analyze();
    expect(f.feed).toEqual({ parts: 1, runParts: [0, 1], cancels: 2 });
    expect(f.writes).toHaveLength(2);
  });

  test('a refused mapping stops the worker that got the parts', async () => {
    const f = fixture();
    f.form.mapping = () => ({ customer: 0 });
    await f.controller.analyze();
    expect(f.feed).toEqual({ parts: 1, runParts: [], cancels: 1 });
    expect(f.writes).toHaveLength(0);
  });

  test('a missing amount column stops before the run, with the role named', async () => {
    const f = fixture();
    f.form.mapping = () => ({ customer: 0, date: 1 });
    await f.controller.analyze();
    expect(f.runs).toEqual([]);
    expect(text(f.controller.current, 'error')).toBe(`${t('en', 'pane.error.missingRole', { role: t('en', 'pane.role.amount') })} ${t('en', 'pane.nothingWritten')}`);
  });

  test('zero-amount lines: purchases by default, skipped when chosen', async () => {
    const f = fixture();
    await f.controller.analyze();
    expect(f.runs[0].options.zeroAmounts).toBeUndefined();
    f.form.options = { ...f.form.options, zeroAmounts: 'skip' };
    await f.controller.analyze();
    expect(f.runs[1].options.zeroAmounts).toBe('skip');
  });

  test('Persian: a Jalali analysis date is converted; one that does not exist is refused', async () => {
    const f = fixture({ lang: 'fa' });
    // 1403/01/15 is 2024-04-03: 19723 days to 2024-01-01 (54 years of 365 days and 13 leap days) + 31 + 29 + 31 + 2.
    f.form.options = { ...f.form.options, analysisDate: '۱۴۰۳/۰۱/۱۵' };
    await f.controller.analyze();
    expect(f.runs[0].options.analysisDate).toBe(19723 + 93);
    expect(f.runs[0].lang).toBe('fa');
    // 1404 is not a leap year: Esfand has 29 days.
    f.form.options = { ...f.form.options, analysisDate: '1404/12/30' };
    await f.controller.analyze();
    expect(f.runs).toHaveLength(1);
    expect(text(f.controller.current, 'error')).toBe(`${t('fa', 'pane.error.dateJalali')} ${t('fa', 'pane.nothingWritten')}`);
  });

  test('a failed Refresh shows its message and keeps the last run', async () => {
    const f = fixture();
    await f.controller.analyze();
    f.controller.refreshNotice({ state: 'error', message: 'The source is gone' });
    expect(text(f.controller.current, 'error')).toBe(t('en', 'pane.refresh.failed', { message: 'The source is gone' }));
    expect(f.controller.current.summary?.analysis.totals.customers).toBe(3);
  });
  test('Compare with and Cohorts: the Jalali comparison date becomes compareTo; a bad one is refused', async () => {
    const f = fixture({ lang: 'fa' });
    // 1385/04/10 is 2006-07-01: 13149 days to 2006-01-01 (36 years of 365 days and 9 leap days) + 181.
    f.form.options = { ...f.form.options, compareDate: '۱۳۸۵/۰۴/۱۰', cohorts: true };
    await f.controller.analyze();
    expect([f.runs[0].options.compareTo, f.runs[0].options.cohorts]).toEqual([13149 + 181, true]);
    f.form.options = { ...f.form.options, compareDate: '1385/13/01' };
    await f.controller.analyze();
    expect(f.runs).toHaveLength(1);
    expect(text(f.controller.current, 'error')).toBe(`${t('fa', 'pane.error.compareDateJalali')} ${t('fa', 'pane.nothingWritten')}`);
  });

  test('Lists: the chosen segment\'s customers go to a new sheet with the contacts of the run', async () => {
    const result = {
      totals: { customers: 3, orders: 4, revenue: 0 },
      settings: { segmentRules: [], columns: [{ role: 'customer', index: 0, header: 'Customer', source: 'header' }] },
      customers: [
        { id: 'A', segment: 'Others', recencyDays: 1, frequency: 2, monetary: 15 },
        { id: 'B', segment: 'Others', recencyDays: 9, frequency: 1, monetary: 20 },
      ],
    } as unknown as Analysis;
    const contacts = { columns: [{ index: 3, header: 'Mobile', kind: 'mobile' as const }], byCustomer: new Map([['A', ['+98 912 345 6789']], ['B', ['12']]]) };
    const f = fixture({
      startRun: () => ({ result: Promise.resolve({ analysis: result, plan: {} as WorkbookPlan, contacts }), cancel: () => undefined }),
    });
    await f.controller.analyze();
    await f.controller.writeList('segment:Others');
    expect(f.lists).toHaveLength(1);
    const rows = f.lists[0].blocks.map((b) => (b.kind === 'cells' ? b.values : []));
    expect(rows[0][0]).toContain('Mobile');
    // the mobile normalised to 09…, the unreadable one kept as written and counted
    expect(rows[1].map((r) => [r[0], r[8]])).toEqual([['A', '09123456789'], ['B', '12']]);
    expect(f.lists[0].name).toBe(t('en', 'pane.lists.sheetName', { group: 'Others' }));
    expect(text(f.controller.current, 'status')).toBe(`${t('en', 'pane.lists.written', { customers: '2', sheet: f.lists[0].name })} ${t('en', 'pane.lists.invalidMobiles', { count: '1' })}`);
  });
});
