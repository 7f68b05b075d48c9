/**
 * The worker's message handling, in Node: the packed table arrives in one message, the engine and
 * the report run, progress is reported, the table goes back with the result, and input errors come
 * back as messages (never a crash).
 */
import { handleMessage } from '../../src/taskpane/worker';
import type { FromWorker } from '../../src/taskpane/protocol';
import type { InputTable } from '../../src/engine/types';
import { ColumnPacker, inputTable, packPart, packTable, partBuffers } from '../../src/excel/packedTable';

/** Excel serial of 2024-01-01 plus n days. */
const day = (n: number) => 45292 + n;

function runAll(table: InputTable, lang?: 'en' | 'fa'): FromWorker[] {
  const out: FromWorker[] = [];
  handleMessage({ type: 'run', table: packTable(table), options: { analysisDate: 19_730 }, lang }, (m) => out.push(m));
  return out;
}

describe('handleMessage', () => {
  // Hand-computed: 2024-01-01 is day number 19723 (54 years × 365 + 13 leap days), so the analysis
  // date 19730 is 2024-01-08, 7 days later. a bought on days 0 and 5 (10 + 20), b on day 2 (30):
  // recency a = 7 - 5 = 2 days, b = 7 - 2 = 5 days.
  const table: InputTable = {
    header: ['Customer', 'Date', 'Amount'],
    rows: [['a', day(0), 10], ['b', day(2), 30], ['a', day(5), 20]],
    dateFormattedColumns: [false, true, false],
  };

  test('the packed table gives the analysis, with the plan in the asked language, and goes back with it', () => {
    const packed = packTable(table);
    const out: FromWorker[] = [];
    // each message as postMessage delivers it: cloned, its transfer list moved
    handleMessage({ type: 'run', table: packed, options: { analysisDate: 19_730 }, lang: 'fa' }, (m, transfer) => void out.push(structuredClone(m, { transfer: transfer ?? [] })));
    const done = out[out.length - 1];
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    // the parts were moved back, not copied: the worker's buffers are detached, and the pane's unpack to the sheet's rows
    expect(partBuffers(packed.parts).every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(inputTable({ ...packed, parts: done.parts }).rows).toEqual(table.rows);
    const made = out.find((m) => m.type === 'analysis');
    if (made?.type !== 'analysis') throw new Error('no analysis');
    // the analysis goes before the plan is laid out (the 'planning' stage just before it)
    expect(out.indexOf(made)).toBe(out.findIndex((m) => m.type === 'progress' && m.stage === 'planning') + 1);
    const byId = Object.fromEntries(made.analysis.customers.map((c) => [c.id, [c.recencyDays, c.frequency, c.monetary]]));
    expect(byId).toEqual({ a: [2, 2, 30], b: [5, 1, 30] });
    expect(done.plan?.lang).toBe('fa');
    expect(out.some((m) => m.type === 'progress')).toBe(true);
  });

  test('parts sent ahead of the run give the same result, and all of them come back', () => {
    const packers = [new ColumnPacker(), new ColumnPacker(), new ColumnPacker()];
    const parts = [packPart(table.rows.slice(0, 1), 3, packers), packPart(table.rows.slice(1, 2), 3, packers), packPart(table.rows.slice(2), 3, packers)];
    const out: FromWorker[] = [];
    handleMessage({ type: 'part', part: parts[0] }, (m) => out.push(m));
    handleMessage({ type: 'part', part: parts[1] }, (m) => out.push(m));
    handleMessage({ type: 'run', table: { ...table, rowCount: 3, parts: [parts[2]] }, options: { analysisDate: 19_730 }, lang: 'fa' }, (m) => out.push(m));
    const done = out[out.length - 1];
    const whole = runAll(table, 'fa');
    const last = whole[whole.length - 1];
    if (done.type !== 'done' || last.type !== 'done') throw new Error('no result');
    expect({ ...done, parts: [] }).toEqual({ ...last, parts: [] });
    expect(out.find((m) => m.type === 'analysis')).toEqual(whole.find((m) => m.type === 'analysis'));
    expect(done.parts).toEqual(parts);
  });

  test('a part that cannot be unpacked makes the run an error, not an analysis of fewer rows', () => {
    const out: FromWorker[] = [];
    const broken = { rows: 1, columns: [{ kinds: new Uint8Array([2]) }] };
    handleMessage({ type: 'part', part: broken }, (m) => out.push(m));
    handleMessage({ type: 'run', table: { ...packTable(table), rowCount: 4 }, options: { analysisDate: 19_730 }, lang: 'en' }, (m) => out.push(m));
    expect(out.map((m) => m.type)).toEqual(['error']);
  });

  test("the pane's analysis leaves out the churn reasons, which its plan shows; Refresh's keeps them", () => {
    // 40 customers, each buying every 30 + c days from day c: enough customers for the purchase models
    const rows: InputTable['rows'] = [];
    for (let c = 0; c < 40; c++) for (let d = c; d < 700; d += 30 + c) rows.push([`c${c}`, day(d), 10 + c]);
    const big: InputTable = { header: ['Customer', 'Date', 'Amount'], rows, dateFormattedColumns: [false, true, false] };
    const cloned = (lang?: 'en') => {
      const out: FromWorker[] = [];
      handleMessage({ type: 'run', table: packTable(big), options: { analysisDate: 19_723 + 730 }, lang }, (m, transfer) => void out.push(structuredClone(m, { transfer: transfer ?? [] })));
      return out;
    };
    const analysisOf = (out: FromWorker[]) => {
      const made = out.find((m) => m.type === 'analysis');
      if (made?.type !== 'analysis') throw new Error('no analysis');
      return made.analysis;
    };
    const refresh = analysisOf(cloned());
    const reasons = refresh.customers.map((c) => c.churnReason?.text);
    expect(reasons.every((text) => typeof text === 'string' && text.length > 0)).toBe(true);
    const out = cloned('en');
    const pane = analysisOf(out);
    expect(pane.customers.every((c) => c.churnReason === undefined)).toBe(true);
    // everything else as Refresh gets it (toEqual takes an undefined field for a missing one)
    expect(pane).toEqual({ ...refresh, customers: refresh.customers.map((c) => ({ ...c, churnReason: undefined })) });
    const done = out[out.length - 1];
    if (done.type !== 'done' || !done.plan) throw new Error('no plan');
    const cells = new Set(done.plan.sheets.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []))));
    expect(reasons.filter((text) => !cells.has(text as string))).toEqual([]);
  });

  test('the analysis is left as it was after posting: reasons back, and none added where there were none', () => {
    const kept: FromWorker[] = [];
    // as posted, not cloned: the worker's own objects, as they are after the post
    handleMessage({ type: 'run', table: packTable(table), options: { analysisDate: 19_730, model: 'off' }, lang: 'en' }, (m) => void kept.push(m));
    const made = kept.find((m) => m.type === 'analysis');
    if (made?.type !== 'analysis') throw new Error('no analysis');
    expect(made.analysis.customers.some((c) => 'churnReason' in c)).toBe(false);
  });

  test("the table's contact and wallet columns come with the result, read before the rows are let go", () => {
    const withContacts: InputTable = {
      header: ['Customer', 'Date', 'Amount', 'Email', 'Wallet'],
      rows: [['a', day(0), 10, 'a@x.ir', 40], ['b', day(2), 30, 'b@x.ir', 60], ['a', day(5), 20, '', 50]],
      dateFormattedColumns: [false, true, false, false, false],
    };
    const packers = withContacts.header.map(() => new ColumnPacker());
    const out: FromWorker[] = [];
    handleMessage({ type: 'part', part: packPart(withContacts.rows.slice(0, 2), 5, packers) }, (m) => out.push(m));
    handleMessage({ type: 'run', table: { ...withContacts, rowCount: 3, parts: [packPart(withContacts.rows.slice(2), 5, packers)] }, options: { analysisDate: 19_730, model: 'off', clusters: 'off' }, lang: 'en' }, (m) => out.push(m));
    const done = out[out.length - 1];
    const made = out.find((m) => m.type === 'analysis');
    if (done.type !== 'done' || made?.type !== 'analysis') throw new Error('no result');
    expect(done.contacts?.columns.map((c) => [c.index, c.kind])).toEqual([[3, 'email']]);
    // a's first non-empty email; b's own
    expect(Object.fromEntries(done.contacts?.byCustomer ?? [])).toEqual({ a: ['a@x.ir'], b: ['b@x.ir'] });
    // a: 30 of a wallet of 50 (the largest of 40 and 50); b: 30 of 60
    expect(made.analysis.customers.map((c) => [c.id, c.shareOfWallet])).toEqual([['a', 0.6], ['b', 0.5]]);
  });

  test('without a language the worker only analyses (Refresh builds the plan)', () => {
    const out = runAll(table);
    const done = out[out.length - 1];
    expect(done.type === 'done' && done.plan).toBeUndefined();
  });

  test('bad input comes back as an input error message', () => {
    const out = runAll({ header: ['Customer', 'Date', 'Amount'], rows: [['a', 'someday', 10]] }, 'en');
    const last = out[out.length - 1];
    expect(last.type).toBe('error');
    if (last.type === 'error') {
      expect(last.inputError).toBe(true);
      expect(last.message).toMatch(/row 2/);
    }
  });
});
