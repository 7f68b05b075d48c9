/**
 * Queues the cells of a plan's blocks in chunks: values first (every sheet), then number formats.
 * Rows per chunk come from the measured width of sampled rows, so the number of syncs grows with
 * rows / chunk size and no request nears Excel on the web's 5 MB limit; small blocks share syncs
 * (batcher.ts).
 */
import type { Block, PlanValue } from '../report/plan';
import { rectAddress } from './a1';
import type { SyncBatcher } from './batcher';
import { chunkRows, chunkSpans, jsonBytes, sampledRowBytes } from './chunks';
import { excelRows, textGuard } from './cellValues';

/** The rows of a block, header first for tables. */
export function blockRows(block: Block): PlanValue[][] {
  return block.kind === 'table' ? [block.header, ...block.rows] : block.values;
}

/** Number of columns of a block. */
export function blockWidth(block: Block): number {
  return block.kind === 'table' ? block.header.length : Math.max(0, ...block.values.map((r) => r.length));
}

/** Rows a block writes (for progress). */
export function blockRowCount(block: Block): number {
  return blockRows(block).length;
}

/**
 * Queues a block's values in chunks.
 * @param sheet the (temporary) output sheet
 */
export async function writeBlockValues(sheet: Excel.Worksheet, block: Block, batch: SyncBatcher): Promise<void> {
  const rows = blockRows(block);
  const width = blockWidth(block);
  if (rows.length === 0 || width === 0) return;
  const rowBytes = sampledRowBytes(rows) + width;
  for (const [from, to] of chunkSpans(rows.length, chunkRows(rowBytes, batch.budgetBytes))) {
    await batch.add((to - from) * rowBytes, to - from, () => {
      const range = sheet.getRange(rectAddress({ row: block.row + from, column: block.column, rows: to - from, columns: width }));
      const guard = textGuard(rows, from, to, width);
      if (guard) range.numberFormat = guard as string[][];
      range.values = excelRows(rows, from, to, width);
    });
  }
}

/** The number-format row pattern of a block (per column), or per-cell formats; undefined = none. */
function formatSource(block: Block): { perColumn?: (string | null)[]; perCell?: (string | null)[][]; firstRow: number } | undefined {
  if (block.kind === 'table') {
    return block.columnFormats.some((f) => f) ? { perColumn: block.columnFormats, firstRow: 1 } : undefined;
  }
  const f = block.numberFormats;
  if (!f || f.length === 0) return undefined;
  if (Array.isArray(f[0])) return { perCell: f as (string | null)[][], firstRow: 0 };
  return (f as (string | null)[]).some((x) => x) ? { perColumn: f as (string | null)[], firstRow: 0 } : undefined;
}

/**
 * Queues a block's number formats in chunks (after every value is in place). Per-column formats are
 * repeated down the rows; `null` leaves a cell's format as it is (General on a new sheet).
 */
export async function writeBlockFormats(sheet: Excel.Worksheet, block: Block, batch: SyncBatcher): Promise<void> {
  const src = formatSource(block);
  if (!src) return;
  const width = blockWidth(block);
  const total = blockRows(block).length - src.firstRow;
  if (total <= 0) return;
  const pattern = (r: number): (string | null)[] => {
    const line = src.perCell ? src.perCell[r] ?? [] : src.perColumn!;
    const out: (string | null)[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = line[c] ?? null;
    return out;
  };
  const rowBytes = jsonBytes(pattern(0)) + width + 1;
  for (const [from, to] of chunkSpans(total, chunkRows(rowBytes, batch.budgetBytes))) {
    const formats: (string | null)[][] = [];
    for (let r = from; r < to; r++) formats.push(pattern(r));
    await batch.add((to - from) * rowBytes, to - from, () => {
      sheet.getRange(rectAddress({ row: block.row + src.firstRow + from, column: block.column, rows: to - from, columns: width })).numberFormat = formats as string[][];
    });
  }
}
