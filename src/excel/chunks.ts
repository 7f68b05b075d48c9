/**
 * Chunk sizes that keep every request and response far below Excel on the web's 5 MB limit
 * ("Resource limits and performance optimization for Office Add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */

/** The payload each sync aims at: 2 MB, well under the 4 MB we promise and the 5 MB limit. */
export const PAYLOAD_BUDGET_BYTES = 2 * 1024 * 1024;

/** A row we never exceed, whatever the estimate says. */
export const MAX_CHUNK_ROWS = 100_000;

const encoder = new TextEncoder();

/** UTF-8 size of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/**
 * The largest JSON size of a row among up to `sampleSize` rows spread evenly over the rows.
 * O(sampleSize × row width).
 * @param rows the rows (any JSON-able cells)
 * @param sampleSize how many rows to measure
 * @returns bytes of the widest sampled row, at least 2
 */
export function sampledRowBytes(rows: readonly unknown[], sampleSize = 500): number {
  if (rows.length === 0) return 2;
  const step = Math.max(1, Math.floor(rows.length / sampleSize));
  let widest = 2;
  for (let i = 0; i < rows.length; i += step) widest = Math.max(widest, jsonBytes(rows[i]) + 1);
  return widest;
}

/**
 * Rows per sync for a given row size: budget / (row bytes × safety), between 1 and MAX_CHUNK_ROWS.
 * The safety factor (default 1.5) covers rows wider than the sample and the request's framing.
 * @example chunkRows(100) === 13981
 */
export function chunkRows(rowBytes: number, budgetBytes = PAYLOAD_BUDGET_BYTES, safety = 1.5): number {
  return Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor(budgetBytes / (Math.max(1, rowBytes) * safety))));
}

/**
 * The [start, end) row spans of consecutive chunks.
 * @example chunkSpans(5, 2) → [[0, 2], [2, 4], [4, 5]]
 */
export function chunkSpans(total: number, size: number): [number, number][] {
  const spans: [number, number][] = [];
  for (let start = 0; start < total; start += size) spans.push([start, Math.min(total, start + size)]);
  return spans;
}
