/**
 * Shared by the SQL tests on real engines: the three real data sets as the SQL sees them (a table
 * of typed columns) and as `rfm analyze` sees them (the original file through the CLI's reader),
 * and a cell-by-cell comparison of the query's rows with the engine's customers.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { resolveColumns } from '../../src/cli/columnArgs';
import { readInputTable } from '../../src/cli/readers';
import { analyze, prepareInput } from '../../src/engine';
import { buildHistories } from '../../src/engine/clv';
import { formatIsoDate } from '../../src/engine/civil';
import type { AnalysisOptions, ColumnRole, Transaction } from '../../src/engine/types';
import type { SqlColumns } from '../../src/cli/sql/query';
import { csvFields } from '../support/cli';
import { requireSharedData } from '../support/sharedData';

/** One data set: how to load it into a SQL table and how `rfm analyze` reads it. */
export interface SqlCase {
  name: string;
  /** CSV written for the SQL engine: header `customer,d,amount,quantity,order_id` (types below). */
  csvRows: () => string[][];
  /** Whether the SQL table has quantity and order columns. */
  sqlColumns: SqlColumns;
  /** The original file and the CLI's column options for `rfm analyze`. */
  file: () => string;
  cliColumns: Partial<Record<ColumnRole, string>>;
  analysisDate?: string;
}

/** The SQL table's columns: customer text, d date, amount double, quantity double, order_id text. */
export const SQL_TABLE_COLUMNS = ['customer', 'd', 'amount', 'quantity', 'order_id'] as const;

/** CSV fields with quotes where needed (RFC 4180). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const field = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(field).join(',')).join('\n') + '\n';
}

/** The R package's orders: customer_id, order_date (ISO), revenue. */
const rOrders: SqlCase = {
  name: 'R rfm orders',
  csvRows: () => fs.readFileSync(requireSharedData('rfm-r/rfm_data_orders.csv'), 'utf8').trim().split('\n').slice(1).map((line) => {
    const [customer, date, revenue] = csvFields(line);
    return [customer, date, revenue, '', ''];
  }),
  sqlColumns: { customer: 'customer', date: 'd', amount: 'amount' },
  file: () => requireSharedData('rfm-r/rfm_data_orders.csv'),
  cliColumns: {},
  analysisDate: '2006-12-31',
};

/** CDNOW sample: whitespace-separated, no header: master id, sample id, yyyymmdd, CDs, dollars. */
const cdnow: SqlCase = {
  name: 'CDNOW sample',
  csvRows: () => fs.readFileSync(requireSharedData('cdnow/CDNOW_sample.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((line) => {
    const [, id, ymd, cds, dollars] = line.trim().split(/\s+/);
    return [id, `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`, dollars, cds, ''];
  }),
  sqlColumns: { customer: 'customer', date: 'd', amount: 'amount' },
  file: () => requireSharedData('cdnow/CDNOW_sample.txt'),
  cliColumns: { customer: 'column2', date: 'column3', amount: 'column5' },
};

/** UCI Online Retail: InvoiceNo, …, Quantity, InvoiceDate, UnitPrice, CustomerID; amount = Quantity × UnitPrice. */
const onlineRetail: SqlCase = {
  name: 'UCI Online Retail',
  csvRows: () => zlib.gunzipSync(fs.readFileSync(requireSharedData('online-retail/online_retail.csv.gz'))).toString('utf8').trim().split('\n').slice(1).map((line) => {
    const [invoice, , , quantity, date, price, customer] = csvFields(line);
    return [customer, date.slice(0, 10), String(Number(quantity) * Number(price)), quantity, invoice];
  }).filter((r) => r[0] !== ''),
  sqlColumns: { customer: 'customer', date: 'd', amount: 'amount', quantity: 'quantity', order: 'order_id' },
  file: () => requireSharedData('online-retail/online_retail.csv.gz'),
  cliColumns: {},
};

/** The three real data sets of the issue. */
export const SQL_CASES: readonly SqlCase[] = [rOrders, cdnow, onlineRetail];

/** Writes a case's SQL table as CSV in a folder; returns the file's path. */
export function writeCaseCsv(c: SqlCase, dir: string): string {
  const file = path.join(dir, `${c.name.replace(/\W+/g, '_')}.csv`);
  fs.writeFileSync(file, toCsv([[...SQL_TABLE_COLUMNS], ...c.csvRows()]));
  return file;
}

/** One customer as `rfm analyze` has it, in the SQL result's columns. */
export type ExpectedRow = Record<string, string | number | null>;

/**
 * The engine's customers for a case, read from the original file by the CLI's reader, keyed by id,
 * with the model summary (engine/clv buildHistories) in days.
 */
export async function engineCustomers(c: SqlCase): Promise<Map<string, ExpectedRow>> {
  const table = await readInputTable(c.file(), {});
  const columns = resolveColumns(table.header, c.cliColumns);
  const options: AnalysisOptions = { columns, clusters: 'off', model: 'off' };
  if (c.analysisDate) options.analysisDate = Date.parse(c.analysisDate) / 86400000;
  const analysis = analyze(table, options);
  const prepared = prepareInput(table, options);
  const transactions = (prepared as { transactions: Transaction[] }).transactions;
  const histories = buildHistories(transactions, analysis.settings.analysisDate - 1);
  const byId = new Map<string, number>(histories.ids.map((id, i) => [id, i]));
  const out = new Map<string, ExpectedRow>();
  for (const cu of analysis.customers) {
    const h = byId.get(cu.id);
    out.set(cu.id, {
      customer: cu.id,
      first_purchase: cu.firstPurchase === null ? null : formatIsoDate(cu.firstPurchase),
      last_purchase: cu.lastPurchase === null ? null : formatIsoDate(cu.lastPurchase),
      length_days: cu.lengthDays, recency_days: cu.recencyDays, frequency: cu.frequency, monetary: cu.monetary,
      l_score: cu.lengthScore, r_score: cu.recencyScore, f_score: cu.frequencyScore, m_score: cu.monetaryScore,
      rfm_code: cu.rfmCode, segment: cu.segment, value_quadrant: cu.valueQuadrant, loyalty_quadrant: cu.loyaltyQuadrant,
      repeat_purchases: h === undefined ? null : histories.x[h],
      repeat_span_days: h === undefined ? null : histories.recencyDays[h],
      age_days: h === undefined ? null : histories.ageDays[h],
      mean_repeat_spend: h === undefined ? null : histories.zbar[h],
    });
  }
  return out;
}

/** Columns compared with a relative tolerance: spend means that the engine sums in another order. */
const TOLERANT = new Set(['mean_repeat_spend']);

/**
 * Compares the query's rows with the engine's customers, cell by cell.
 * @returns one line per mismatch (at most 20) and the count; customers missing on either side count
 */
export function compareRows(expected: Map<string, ExpectedRow>, actual: readonly Record<string, unknown>[]): { mismatches: number; examples: string[] } {
  const examples: string[] = [];
  let mismatches = 0;
  const seen = new Set<string>();
  const miss = (text: string): void => { mismatches++; if (examples.length < 20) examples.push(text); };
  for (const row of actual) {
    const id = String(row.customer);
    seen.add(id);
    const want = expected.get(id);
    if (!want) { miss(`${id}: in the SQL result only`); continue; }
    for (const [col, value] of Object.entries(want)) {
      const got = col === 'customer' ? String(row[col]) : normalise(row[col]);
      const same = TOLERANT.has(col) && typeof value === 'number' && typeof got === 'number'
        ? Math.abs(got - value) <= 1e-9 * Math.max(1, Math.abs(value))
        : got === value;
      if (!same) miss(`${id}.${col}: sql ${String(got)} vs engine ${String(value)}`);
    }
  }
  for (const id of expected.keys()) if (!seen.has(id)) miss(`${id}: in the engine only`);
  return { mismatches, examples };
}

/** Database values as plain JS: dates as YYYY-MM-DD, numeric text and bigints as numbers. */
function normalise(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  const s = String(v);
  return /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(s) ? Number(s) : s;
}
