/** Look-ups over a WorkbookPlan for the report tests. */
import type { Block, CellBlock, SheetKey, SheetPlan, TableBlock, WorkbookPlan } from '../../src/report/plan';

/** The sheet with a key (throws when absent). */
export function sheetOf(plan: WorkbookPlan, key: SheetKey): SheetPlan {
  const sheet = plan.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`no sheet ${key}`);
  return sheet;
}

/** Every table of the plan. */
export function tablesOf(plan: WorkbookPlan): TableBlock[] {
  return plan.sheets.flatMap((s) => s.blocks.filter((b): b is TableBlock => b.kind === 'table'));
}

/** The table with a name (throws when absent). */
export function tableOf(plan: WorkbookPlan, name: string): TableBlock {
  const found = tablesOf(plan).find((tb) => tb.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

/** The first cell block whose first cell is the given text. */
export function blockStartingWith(sheet: SheetPlan, text: string): CellBlock | undefined {
  return sheet.blocks.find((b): b is CellBlock => b.kind === 'cells' && b.values[0]?.[0] === text);
}

/** The rectangle a block covers. */
export function rectOf(b: Block): { row: number; column: number; rows: number; columns: number } {
  if (b.kind === 'table') return { row: b.row, column: b.column, rows: b.rows.length + 1, columns: b.header.length };
  return { row: b.row, column: b.column, rows: b.values.length, columns: Math.max(...b.values.map((r) => r.length)) };
}

/** Pairs of blocks on a sheet that share a cell. */
export function overlaps(sheet: SheetPlan): string[] {
  const rects = sheet.blocks.map(rectOf);
  const out: string[] = [];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i];
      const b = rects[j];
      const apart = a.row + a.rows <= b.row || b.row + b.rows <= a.row || a.column + a.columns <= b.column || b.column + b.columns <= a.column;
      if (!apart) out.push(`${sheet.key}: block ${i} overlaps block ${j}`);
    }
  }
  return out;
}
