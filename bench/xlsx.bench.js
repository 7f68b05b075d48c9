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

/** Rows of the .xlsx input case. */
const INPUT_ROWS = 200_000;
const INPUT_FILE = 'input-200000.xlsx';

/** Writes synthetic transactions as an .xlsx sheet with real date cells (ExcelJS, streaming). */
async function writeInputXlsx(file) {
  const ExcelJS = require('exceljs');
  const table = dist('cli/synthetic').generateTransactions({ rows: INPUT_ROWS, customers: INPUT_ROWS / 10, seed: 1, cells: 'values' });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('Sales');
  ws.addRow(table.header).commit();
  const dateColumn = table.header.indexOf('order_date') + 1;
  const dateStyle = { numFmt: 'yyyy-mm-dd' };
  for (const values of table.rows) {
    const row = ws.addRow(values);
    row.getCell(dateColumn).style = dateStyle;
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

module.exports = {
  title: 'xlsx',
  prepare: (tmpDir) => writeInputXlsx(path.join(tmpDir, INPUT_FILE)),
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
    {
      name: `.xlsx input ${INPUT_ROWS.toLocaleString('en-US')} rows: readXlsxTable`,
      setup: (tmpDir) => path.join(tmpDir, INPUT_FILE),
      run: async (file) => {
        const table = await dist('cli/xlsxInput').readXlsxTable(file);
        return `${table.rows.length.toLocaleString('en-US')} rows, date columns ${table.dateFormattedColumns.filter(Boolean).length}`;
      },
    },
  ],
};

if (require.main === module) {
  process.argv.splice(2, process.argv.length, 'xlsx.bench');
  require('./run');
}
