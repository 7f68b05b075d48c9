/**
 * The final sync of a render (write.ts): the caller's commands first, then our output put in place
 * (rewritten in place, or renamed from the temporary sheets), ownership recorded with its markers.
 * Office.js batches are not transactions (a failing command leaves the earlier ones done), so every
 * command here was made valid beforehand: names are chosen against the names loaded in this batch,
 * and the caller's commands come first so that their failure leaves the swap undone.
 * Tables, defined names and PivotTables share one name space ("Rename an Excel table", Microsoft
 * Support: a table name must be unique in the workbook, defined names included;
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection), so a new table or
 * PivotTable name avoids all three: a user's defined name "Customers" gives our table "Customers_2"
 * instead of failing the rename after the old output was deleted.
 */
import type { PivotSpec, WorkbookPlan } from '../report/plan';
import { type InPlaceState, keptPivots, loadInPlace, queueInPlace } from './inPlace';
import { MARKER_PREFIX } from './markers';
import { type OutputRecord, type WriteBackRecord, listSheets, queueOutputRecord, uniqueSheetName, uniqueTableName } from './sheets';
import { type Features, type MadeTable, queuePivot } from './structures';
import type { RenderResult, TempSheet } from './write';

/** What the caller adds to the final sync. */
export interface SwapExtras {
  queueFirst?: (context: Excel.RequestContext, existingMarkers: readonly string[]) => void;
  writeBack?: WriteBackRecord;
}

/** Names of every table, defined name and PivotTable not on the given sheets (loaded in a running batch). */
async function takenNames(context: Excel.RequestContext, ours: Set<string>, features: Features): Promise<{ taken: string[]; markers: string[] }> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  const names = context.workbook.names;
  names.load('items/name');
  const sheets = context.workbook.worksheets;
  sheets.load('items/id');
  await context.sync();
  const tableSheets = tables.items.map((t) => {
    const sheet = t.worksheet;
    sheet.load('id');
    return sheet;
  });
  const userSheets = sheets.items.filter((s) => !ours.has(s.id));
  const pivots = features.pivotTables ? userSheets.map((s) => {
    const p = s.pivotTables;
    p.load('items/name');
    return p;
  }) : [];
  await context.sync();
  const markers = names.items.map((n) => n.name).filter((n) => n.toLowerCase().startsWith(MARKER_PREFIX));
  const taken = [
    ...tables.items.filter((_, i) => !ours.has(tableSheets[i].id)).map((t) => t.name),
    ...names.items.map((n) => n.name).filter((n) => !n.toLowerCase().startsWith(MARKER_PREFIX)),
    ...pivots.flatMap((p) => p.items.map((x) => x.name)),
  ];
  return { taken, markers };
}

/**
 * The swap (one final sync after the loads).
 * @param temps the staged sheets; those with `target` replace that existing sheet's content in place
 */
export async function swapIn(context: Excel.RequestContext, plan: WorkbookPlan, temps: TempSheet[], old: OutputRecord, features: Features, extras: SwapExtras): Promise<RenderResult> {
  const sheets = await listSheets(context);
  const oldIds = new Set(old.sheets.map((s) => s.id));
  const targetIds = new Set(temps.flatMap((t) => (t.target ? [t.target] : [])));
  const ours = new Set([...oldIds, ...temps.map((t) => t.id)]);
  const { taken, markers } = await takenNames(context, ours, features);
  const userSheets = sheets.filter((s) => !ours.has(s.id));
  const takenSheets = userSheets.map((s) => s.name);
  const pairs = temps.filter((t) => t.target).map((t) => ({ targetId: t.target!, temp: t.sheet }));
  const states = pairs.length ? await loadInPlace(context, pairs, features) : [];
  const stateOf = new Map(pairs.map((p, i) => [p.targetId, states[i]]));
  for (const st of states) taken.push(...st.tables.map((t) => t.name));
  extras.queueFirst?.(context, markers);
  for (const s of sheets) if (oldIds.has(s.id) && !targetIds.has(s.id)) context.workbook.worksheets.getItem(s.id).delete();
  const result: RenderResult = { sheets: [], tables: {}, skipped: [] };
  const allTables: MadeTable[] = [];
  const deferred: { sheet: Excel.Worksheet; spec: PivotSpec }[] = [];
  temps.forEach((temp, i) => {
    const sheetPlan = plan.sheets[i];
    if (temp.target) {
      const state = stateOf.get(temp.target) as InPlaceState;
      const made = queueInPlace(state, temp.sheet, sheetPlan, features, taken);
      for (const t of made) result.tables[t.planName] = t.tempName;
      allTables.push(...made);
      const kept = keptPivots(state, sheetPlan);
      if (features.pivotTables) for (const spec of sheetPlan.pivots) if (!kept.has(spec.name)) deferred.push({ sheet: state.sheet, spec });
      result.sheets.push({ key: temp.key, name: state.name, id: temp.target });
      return;
    }
    const name = uniqueSheetName(sheetPlan.name, takenSheets);
    takenSheets.push(name);
    temp.sheet.name = name;
    result.sheets.push({ key: temp.key, name, id: temp.id });
    for (const t of temp.tables) {
      const tableName = uniqueTableName(t.planName, taken);
      taken.push(tableName);
      t.table.name = tableName;
      result.tables[t.planName] = tableName;
      allTables.push({ ...t, tempName: tableName });
    }
    for (const p of temp.pivots) {
      const pivotName = uniqueTableName(p.planName, taken);
      taken.push(pivotName);
      p.pivot.name = pivotName;
    }
    if (features.pivotTables) for (const spec of sheetPlan.pivots) if (!temp.pivots.some((p) => p.planName === spec.name)) deferred.push({ sheet: temp.sheet, spec });
  });
  for (const { sheet, spec } of deferred) {
    const pivotName = uniqueTableName(spec.name, taken);
    if (queuePivot(sheet, spec, allTables, pivotName)) taken.push(pivotName);
  }
  if (features.pivotTables && states.length) context.workbook.pivotTables.refreshAll();
  queueOutputRecord(context, { version: 1, sheets: result.sheets.map((s) => ({ key: s.key, id: s.id })), writeBack: extras.writeBack ?? old.writeBack }, markers);
  if (result.sheets[0]) context.workbook.worksheets.getItem(result.sheets[0].id).activate();
  await context.sync();
  return result;
}
