'use strict';
/**
 * Issue 6's figures: the .xlsx report. The whole `rfm analyze --out report.xlsx` run on the Online
 * Retail file (target: under 5 s and 1 GB peak), and the report alone (WorkbookPlan + ExcelJS
 * writer) for 4,372 and 100,000 customers; the analysis is built in setup, which is not timed.
 * Reads the compiled code in dist/node. Run with `npm run bench` or `node bench/xlsx.bench.js`.
 */
const fs = require('fs');
const path = require('path');

const DIST = path.join(__dirname, '..', 'dist', 'node');
const BIN = path.join(__dirname, '..', 'bin', 'rfm.js');
const ONLINE_RETAIL = path.join(__dirname, '..', '..', 'shared', 'data', 'online-retail', 'online_retail.csv.gz');

const dist = (module) => require(path.join(DIST, ...module.split('/')));

function onlineRetail() {
  if (!fs.existsSync(ONLINE_RETAIL)) throw new Error(`missing ${ONLINE_RETAIL}`);
  return ONLINE_RETAIL;
}

/** Plan + write of one analysis; says how big the file came out. */
async function writeReport({ analysis, out }) {
  const plan = dist('report/build').buildWorkbookPlan(analysis, { lang: 'en' });
  await dist('cli/xlsx').writeWorkbookXlsx(plan, out);
  const mb = fs.statSync(out).size / 2 ** 20;
  return `${analysis.customers.length.toLocaleString('en-US')} customers, ${mb.toFixed(1)} MB file`;
}

module.exports = {
  title: 'xlsx',
  cases: [
    {
      name: 'Online Retail 541,909 rows: rfm analyze --out report.xlsx',
      target: '<= 5 s, <= 1 GB',
      targetMs: 5000,
      command: (tmpDir) => [BIN, 'analyze', onlineRetail(), '--out', path.join(tmpDir, 'online-retail.xlsx')],
    },
    {
      name: 'Online Retail (4,338 scored customers): plan + ExcelJS write',
      repeat: 2,
      setup: async (tmpDir) => {
        const table = await dist('cli/readers').readInputTable(onlineRetail());
        return { analysis: dist('engine').analyze(table, {}, () => undefined), out: path.join(tmpDir, 'or-report.xlsx') };
      },
      run: writeReport,
    },
    {
      name: 'synthetic 100,000 customers: plan + ExcelJS write',
      setup: (tmpDir) => {
        const table = dist('cli/synthetic').generateTransactions({ rows: 1_048_576, customers: 100_000, seed: 1 });
        return { analysis: dist('engine').analyze(table, {}, () => undefined), out: path.join(tmpDir, 'synthetic-report.xlsx') };
      },
      run: writeReport,
    },
  ],
};

if (require.main === module) {
  process.argv.splice(2, process.argv.length, 'xlsx.bench');
  require('./run');
}
