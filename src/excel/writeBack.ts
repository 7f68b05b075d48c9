/**
 * Optional write-back: the segment and RFM code of each row's customer, in the two columns right of
 * the source block. Only into cells that are empty, or into the columns this add-in wrote before
 * (same sheet, same place, our headers, as recorded in `rfm.outputs`); anything else is refused
 * with the address, and nothing is written.
 */
import type { Analysis } from '../engine/types';
import { normalizeId } from '../engine/numbers';
import { t, type Lang } from '../i18n';
import { columnName, rectAddress, type CellRect } from './a1';
import { excelRows } from './cellValues';
import { PAYLOAD_BUDGET_BYTES, chunkRows, chunkSpans, sampledRowBytes } from './chunks';
import { ExcelInputError } from './errors';
import type { ExcelHost } from './host';
import type { ReadResult } from './read';
import { type WriteBackRecord, queueOutputRecord, readOutputRecord } from './sheets';

/** Options of a write-back. */
export interface WriteBackOptions {
  lang?: Lang;
  budgetBytes?: number;
  onProgress?: (fraction: number) => void;
}

/** The two headers in a language. */
export function writeBackHeaders(lang: Lang): string[] {
  return [t(lang, 'excel.writeBackHeaderSegment'), t(lang, 'excel.writeBackHeaderCode')];
}

/**
 * Segment and RFM code per source row (empty for rows whose customer was not scored).
 * O(rows + customers).
 */
export function writeBackRows(read: ReadResult, analysis: Analysis): (string | number | null)[][] {
  const customerColumn = analysis.settings.columns.find((c) => c.role === 'customer')?.index;
  const byId = new Map<string, { segment: string; rfmCode: number }>();
  for (const c of analysis.customers) byId.set(c.id, c);
  return read.table.rows.map((row) => {
    const id = customerColumn === undefined ? undefined : normalizeId(row[customerColumn]);
    const hit = id === undefined ? undefined : byId.get(id);
    return hit ? [hit.segment, hit.rfmCode] : [null, null];
  });
}

function sameSpot(a: WriteBackRecord | undefined, sheetId: string, headerRow: number, column: number): boolean {
  return !!a && a.sheetId === sheetId && a.headerRow === headerRow && a.column === column;
}

/** True when every cell of the grid is empty. */
function allEmpty(values: unknown[][]): boolean {
  return values.every((row) => row.every((v) => v === '' || v === null));
}

/**
 * Writes the segment and RFM code beside the source.
 * @param host the Excel host
 * @param read the source as read for this analysis
 * @param analysis the analysis of those rows
 * @returns the record of what was written (also saved in `rfm.outputs`)
 * @throws ExcelInputError when the target cells hold data we did not write
 */
export async function writeBack(host: ExcelHost, read: ReadResult, analysis: Analysis, options: WriteBackOptions = {}): Promise<WriteBackRecord> {
  const lang = options.lang ?? 'en';
  const headers = writeBackHeaders(lang);
  const rows = writeBackRows(read, analysis);
  const target: CellRect = { row: read.rect.row, column: read.rect.column + read.rect.columns, rows: rows.length + 1, columns: 2 };
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  return host.run(async (context) => {
    const record = await readOutputRecord(context);
    const sheet = context.workbook.worksheets.getItem(read.sheetId);
    const ours = sameSpot(record.writeBack, read.sheetId, target.row, target.column);
    const headerRange = sheet.getRange(rectAddress({ ...target, rows: 1 }));
    headerRange.load('values');
    await context.sync();
    const headerIsOurs = ours && headerRange.values[0].every((v, i) => v === record.writeBack?.headers[i] || v === headers[i]);
    if (!headerIsOurs) {
      const size = chunkRows(sampledRowBytes([['', '']]), budget);
      for (const [from, to] of chunkSpans(target.rows, size)) {
        const part = sheet.getRange(rectAddress({ ...target, row: target.row + from, rows: to - from }));
        part.load('values');
        await context.sync();
        if (!allEmpty(part.values)) {
          const address = `${columnName(target.column)}${target.row + 1}:${columnName(target.column + 1)}${target.row + target.rows}`;
          throw new ExcelInputError('excel.writeBackBlocked', { address }, lang);
        }
      }
    }
    const all = [headers, ...rows];
    const rowBytes = sampledRowBytes(excelRows(all, 0, Math.min(all.length, 1000), 2)) + 2;
    for (const [from, to] of chunkSpans(all.length, chunkRows(rowBytes, budget))) {
      sheet.getRange(rectAddress({ ...target, row: target.row + from, rows: to - from })).values = excelRows(all, from, to, 2);
      await context.sync();
      options.onProgress?.(to / all.length);
    }
    const written: WriteBackRecord = { sheetId: read.sheetId, headerRow: target.row, column: target.column, headers };
    queueOutputRecord(context, { ...record, writeBack: written });
    await context.sync();
    return written;
  });
}
