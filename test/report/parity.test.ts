/**
 * Plan-to-workbook parity: one WorkbookPlan rendered by the add-in's writer (src/excel, into the
 * Excel simulator) and by the CLI's ExcelJS writer (read back with SheetJS) gives the same sheets,
 * the same cell values, the same number formats and the same tables.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { buildWorkbookPlan } from '../../src/report/build';
import { writeWorkbookXlsx } from '../../src/cli/xlsx';
import { renderPlan } from '../../src/excel/write';
import type { WorkbookPlan } from '../../src/report/plan';
import { createExcelSimulator } from '../../src/simulator';
import { simulatorHost } from '../../src/simulator/host';
import { analysisOverTime, analysisWithModel, smallAnalysis } from './fixtures';

/** Non-empty cells of a sheet as `row,column` → value and number format. */
type CellMap = Map<string, { value: unknown; format: string }>;

async function throughSimulator(plan: WorkbookPlan): Promise<{ names: string[]; cells: Map<string, CellMap>; tables: string[] }> {
  const sim = createExcelSimulator();
  sim.addSheet('Data');
  await renderPlan(simulatorHost(sim), plan);
  const names = sim.sheetNames().filter((n) => n !== 'Data');
  const cells = new Map<string, CellMap>();
  for (const name of names) {
    const values = sim.values(name, 'A1:AZ400');
    const formats = sim.numberFormats(name, 'A1:AZ400');
    const map: CellMap = new Map();
    values.forEach((row, r) => row.forEach((value, c) => {
      // Office.js needs the Text format to keep formula- or number-looking text as text (cellValues.ts);
      // the xlsx writer stores such text as a string cell: for text, General and Text display the same,
      // so the comparison treats them alike on both sides.
      const format = typeof value === 'string' && formats[r][c] === '@' ? 'General' : formats[r][c];
      if (value !== '' && value !== null) map.set(`${r},${c}`, { value, format });
    }));
    cells.set(name, map);
  }
  return { names, cells, tables: sim.tables().map((t) => `${t.name}@${t.address.split('!').pop()}`).sort() };
}

async function throughExcelJs(plan: WorkbookPlan): Promise<{ names: string[]; cells: Map<string, CellMap>; tables: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-parity-'));
  try {
    const file = path.join(dir, 'parity.xlsx');
    await writeWorkbookXlsx(plan, file);
    const wb = XLSX.read(fs.readFileSync(file), { cellNF: true });
    const cells = new Map<string, CellMap>();
    for (const name of wb.SheetNames) {
      const map: CellMap = new Map();
      for (const [key, cell] of Object.entries(wb.Sheets[name])) {
        if (key.startsWith('!')) continue;
        const { r, c } = XLSX.utils.decode_cell(key);
        const value = (cell as XLSX.CellObject).v;
        const z = (cell as XLSX.CellObject).z as string ?? 'General';
        if (value !== '' && value !== null && value !== undefined) map.set(`${r},${c}`, { value, format: typeof value === 'string' && z === '@' ? 'General' : z });
      }
      cells.set(name, map);
    }
    // Table parts of the file: name and reference.
    const raw = XLSX.read(fs.readFileSync(file), { bookFiles: true }) as unknown as { files: Record<string, { content: Uint8Array }> };
    const tables = Object.keys(raw.files).filter((n) => n.startsWith('xl/tables/') && n.endsWith('.xml')).map((n) => {
      const xml = Buffer.from(raw.files[n].content).toString('utf8');
      return `${/ name="([^"]+)"/.exec(xml)?.[1]}@${/ ref="([^"]+)"/.exec(xml)?.[1]}`;
    });
    return { names: wb.SheetNames, cells, tables: tables.sort() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each([
  ['en, no model', () => buildWorkbookPlan(smallAnalysis(), { lang: 'en' })],
  ['fa, with model, clusters and holdout', () => buildWorkbookPlan(analysisWithModel(), { lang: 'fa' })],
  // issue 14: the Migration and Cohorts sheets, in both languages
  ['en, with migration and cohorts', () => buildWorkbookPlan(analysisOverTime(), { lang: 'en' })],
  ['fa, with migration and cohorts', () => buildWorkbookPlan(analysisOverTime(), { lang: 'fa' })],
])('parity of the two writers: %s', (_label, makePlan) => {
  test('same sheets, tables, values and number formats in every cell', async () => {
    const plan = makePlan();
    const [sim, file] = await Promise.all([throughSimulator(plan), throughExcelJs(plan)]);
    expect(file.names).toEqual(sim.names);
    expect(sim.names).toEqual(plan.sheets.map((s) => s.name));
    expect(file.tables).toEqual(sim.tables);
    for (const name of sim.names) {
      const a = sim.cells.get(name) as CellMap;
      const b = file.cells.get(name) as CellMap;
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [key, cell] of a) {
        expect({ sheet: name, key, value: b.get(key)?.value }).toEqual({ sheet: name, key, value: cell.value });
        expect({ sheet: name, key, format: b.get(key)?.format }).toEqual({ sheet: name, key, format: cell.format });
      }
    }
  });
});
