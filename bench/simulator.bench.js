'use strict';
/**
 * Issue 3's figures: the Excel layer (src/excel) against the in-memory simulator, for a full sheet
 * of 1,048,575 transaction rows under a header (1,048,576 rows, Excel's maximum): sync count,
 * largest request and response in bytes, rows per chunk, and time. The TypeScript sources are
 * compiled on the fly (typescript.transpileModule), so no build step is needed.
 * Run alone: `node bench/simulator.bench.js`; or through `npm run bench` (bench/run.js).
 */
const path = require('path');
const { registerTypeScript } = require('./lib/typescript');


const ROOT = path.join(__dirname, '..');
const ROWS = 1048576;
const CUSTOMERS = 50000;
const load = (p) => {
  registerTypeScript();
  return require(path.join(ROOT, p));
};

/** A simulator whose sheet "Sales" holds a header and ROWS - 1 transactions (built directly, untimed). */
function bigWorkbook() {
  const { createExcelSimulator } = load('src/simulator/index.ts');
  const sim = createExcelSimulator();
  const sheet = sim.addSheet('Sales');
  sheet.values[0] = ['Customer', 'Date', 'Amount', 'Order'];
  sheet.formats[1] = ['General', 'yyyy-mm-dd', '#,##0.00', 'General'];
  for (let r = 1; r < ROWS; r++) sheet.values[r] = [`C${r % CUSTOMERS}`, 40000 + (r % 3000), (r % 997) + 0.25, `O${r}`];
  sim.select('Sales', 'A:D');
  return sim;
}

/** One line of figures from the simulator's sync log. */
function figures(sim, extra) {
  const { request, response } = sim.maxPayloadBytes();
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  return `${sim.syncs.length} syncs, largest request ${kb(request)} (${request} bytes), largest response ${kb(response)} (${response} bytes)${extra ? `, ${extra}` : ''}`;
}

const cases = [
  {
    name: 'read 1,048,575 transaction rows (selection A:D)',
    setup: () => {
      const sim = bigWorkbook();
      const { simulatorHost } = load('src/simulator/host.ts');
      return { sim, host: simulatorHost(sim), read: load('src/excel/read.ts') };
    },
    run: async ({ sim, host, read }) => {
      sim.clearSyncLog();
      const result = await read.readSelection(host);
      const chunk = load('src/excel/chunks.ts');
      return figures(sim, `${result.table.rows.length} rows read, about ${chunk.chunkRows(chunk.sampledRowBytes(result.table.rows.slice(0, 200)))} rows per chunk`);
    },
  },
  {
    name: 'write back segment + RFM code beside 1,048,575 rows',
    setup: async () => {
      const sim = bigWorkbook();
      const { simulatorHost } = load('src/simulator/host.ts');
      const host = simulatorHost(sim);
      const readResult = await load('src/excel/read.ts').readSelection(host);
      const customers = [];
      for (let i = 0; i < CUSTOMERS; i++) customers.push({ id: `C${i}`, segment: i % 2 ? 'Champions' : 'Lost', rfmCode: 111 + (i % 5) });
      const analysis = { settings: { columns: [{ role: 'customer', index: 0, header: 'Customer', source: 'header' }] }, customers };
      return { sim, host, readResult, analysis, writeBack: load('src/excel/writeBack.ts') };
    },
    run: async ({ sim, host, readResult, analysis, writeBack }) => {
      sim.clearSyncLog();
      await writeBack.writeBack(host, readResult, analysis);
      return figures(sim, `${sim.syncs.filter((s) => s.ops.includes('Range.values.set')).length} value syncs`);
    },
  },
  {
    name: 'whole flow: read 1,048,575 rows, analyze, plan, write all sheets',
    setup: () => {
      const sim = bigWorkbook();
      const { simulatorHost } = load('src/simulator/host.ts');
      return {
        sim, host: simulatorHost(sim), read: load('src/excel/read.ts'), refresh: load('src/excel/refresh.ts'),
        analyze: load('src/engine/analyze.ts').analyze, build: load('src/report/build.ts').buildWorkbookPlan,
      };
    },
    run: async ({ sim, host, read, refresh, analyze, build }) => {
      sim.clearSyncLog();
      const result = await read.readSelection(host);
      const readSyncs = sim.syncs.length;
      const analysis = analyze(result.table, { clusters: 'off', model: 'off' });
      const plan = build(analysis, { lang: 'en' });
      await refresh.writeRun(host, { plan, analysis, read: result, options: {}, lang: 'en', writeBack: false });
      return figures(sim, `${readSyncs} read syncs, ${sim.syncs.length - readSyncs} write syncs, ${analysis.customers.length} customers (clusters and model off)`);
    },
  },
  {
    name: 'render a plan: Customers table of 100,000 rows x 12 columns',
    setup: () => {
      const { createExcelSimulator } = load('src/simulator/index.ts');
      const { simulatorHost } = load('src/simulator/host.ts');
      const sim = createExcelSimulator();
      sim.addSheet('Sales');
      const header = Array.from({ length: 12 }, (_, i) => `Column ${i + 1}`);
      const rows = [];
      for (let r = 0; r < 100000; r++) rows.push([`C${r}`, 45000 + (r % 365), r % 400, r % 7, r * 1.5, 1 + (r % 5), 1 + (r % 4), 1 + (r % 3), 100 + (r % 455), 'Champions', 'Best', 'Loyal']);
      const plan = {
        lang: 'en',
        sheets: [{
          key: 'customers', name: 'Customers', columnWidths: [], frozenRows: 1, frozenColumns: 0, colorScales: [], charts: [], pivots: [], rightToLeft: false,
          blocks: [{ kind: 'table', name: 'Customers', row: 0, column: 0, header, rows, columnFormats: [null, 'yyyy-mm-dd', '0', '0', '#,##0.00', '0', '0', '0', '0', null, null, null], style: 'TableStyleMedium2' }],
        }],
      };
      return { sim, host: simulatorHost(sim), plan, write: load('src/excel/write.ts') };
    },
    run: async ({ sim, host, plan, write }) => {
      sim.clearSyncLog();
      await write.renderPlan(host, plan);
      return figures(sim, `${sim.syncs.filter((s) => s.ops.includes('Range.values.set')).length} value syncs, ${sim.syncs.filter((s) => s.ops.includes('Range.numberFormat.set')).length} format syncs`);
    },
  },
];

module.exports = { title: 'excel layer (simulator)', cases };

if (require.main === module) {
  (async () => {
    for (const c of cases) {
      const ctx = await c.setup();
      const started = process.hrtime.bigint();
      const note = await c.run(ctx);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(`${c.name}: ${(ms / 1000).toFixed(3)} s; ${note}`);
    }
  })().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
