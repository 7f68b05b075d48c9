/**
 * Native charts for ExcelJS's streaming workbook writer, which has none: each sheet with charts
 * gets a drawing part and one chart part per chart (cli/chartXml.ts), a relationship from the
 * sheet to its drawing and from the drawing to its charts, `<drawing r:id>` in the sheet (before
 * `<tableParts>`, as CT_Worksheet orders them, ECMA-376 Part 1, 18.3.1.99) and overrides in
 * `[Content_Types].xml`. Same hooks as cli/xlsxTables.ts, written for exceljs 4.4 (package-lock
 * pins it); LibreOffice renders the result (test/cli/xlsxLibreOffice.test.ts).
 */
import type ExcelJS from 'exceljs';
import type { SheetPlan } from '../report/plan';
import { chartXml, drawingRelsXml, drawingXml } from './chartXml';
import type { StreamingWorkbookParts, StreamingWorksheetParts } from './exceljsParts';

const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';


/** Adds charts to a streaming workbook; create one per workbook, before its first sheet. */
export class ChartParts {
  private charts = 0;
  private drawings = 0;
  private readonly overrides: string[] = [];

  /**
   * Hooks the workbook's zip so that [Content_Types].xml declares every part added later.
   * @param workbook the streaming workbook, before its first sheet is added
   */
  constructor(workbook: ExcelJS.stream.xlsx.WorkbookWriter) {
    const zip = (workbook as unknown as StreamingWorkbookParts).zip;
    const append = zip.append.bind(zip);
    zip.append = (data: unknown, options: { name: string }) => {
      if (options.name === '[Content_Types].xml' && typeof data === 'string') {
        return append(data.replace('</Types>', `${this.overrides.join('')}</Types>`), options);
      }
      return append(data, options);
    };
  }

  /**
   * Adds the charts of one sheet. Call before the sheet is committed, after its tables (so the
   * drawing element comes before the table parts).
   * @param workbook the workbook writer
   * @param worksheet the sheet the charts sit on
   * @param sheet the plan sheet: its charts and the cells they read
   */
  addSheetCharts(workbook: ExcelJS.stream.xlsx.WorkbookWriter, worksheet: ExcelJS.Worksheet, sheet: SheetPlan): void {
    if (sheet.charts.length === 0) return;
    const ws = worksheet as unknown as StreamingWorksheetParts;
    const zip = (workbook as unknown as StreamingWorkbookParts).zip;
    const chartParts = sheet.charts.map((spec) => {
      const part = `chart${++this.charts}.xml`;
      zip.append(chartXml(sheet, spec), { name: `xl/charts/${part}` });
      this.overrides.push(`<Override PartName="/xl/charts/${part}" ContentType="${CHART_TYPE}"/>`);
      return part;
    });
    const drawing = `drawing${++this.drawings}.xml`;
    zip.append(drawingXml(sheet.charts), { name: `xl/drawings/${drawing}` });
    zip.append(drawingRelsXml(chartParts), { name: `xl/drawings/_rels/${drawing}.rels` });
    this.overrides.push(`<Override PartName="/xl/drawings/${drawing}" ContentType="${DRAWING_TYPE}"/>`);
    const rId = ws._sheetRelsWriter.addRelationship({ Type: DRAWING_REL, Target: `../drawings/${drawing}` });
    const close = ws._writeCloseWorksheet.bind(ws);
    ws._writeCloseWorksheet = () => {
      ws._write(`<drawing r:id="${rId}"/>`);
      close();
    };
  }
}
