/**
 * Excel tables for ExcelJS's streaming workbook writer, which writes rows straight into the zip
 * but has no tables of its own. Each table becomes an `xl/tables/tableN.xml` part, a relationship
 * from its sheet, a `<tablePart>` at the end of the sheet and an override in `[Content_Types].xml`
 * (ECMA-376 Part 1, 18.5 Tables). Written for exceljs 4.4 (package-lock pins it); the tests read
 * the tables back with SheetJS, ExcelJS's own reader and LibreOffice.
 */
import type ExcelJS from 'exceljs';
import type { TableBlock } from '../report/plan';
import type { StreamingWorkbookParts, StreamingWorksheetParts } from './exceljsParts';

const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';


/** Escapes text for an XML attribute. */
export function xmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * The XML part of one table.
 * @param id workbook-unique table id (1-based)
 * @param block the table
 * @param ref its range including the header, e.g. `A1:T4373`
 */
export function tableXml(id: number, block: TableBlock, ref: string): string {
  const name = xmlAttribute(block.name);
  const columns = block.header.map((h, i) => `<tableColumn id="${i + 1}" name="${xmlAttribute(h)}"/>`).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${block.header.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${xmlAttribute(block.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

/** Adds tables to a streaming workbook; create one per workbook, before its first sheet. */
export class TableParts {
  private count = 0;
  private readonly parts: string[] = [];

  /**
   * Hooks the workbook's zip so that [Content_Types].xml declares every table part added later.
   * @param workbook the streaming workbook, before its first sheet is added
   */
  constructor(workbook: ExcelJS.stream.xlsx.WorkbookWriter) {
    const zip = (workbook as unknown as StreamingWorkbookParts).zip;
    const append = zip.append.bind(zip);
    // Declare the table parts in [Content_Types].xml, which the writer adds at commit.
    zip.append = (data: unknown, options: { name: string }) => {
      if (options.name === '[Content_Types].xml' && typeof data === 'string') {
        const overrides = this.parts.map((p) => `<Override PartName="/xl/tables/${p}" ContentType="${TABLE_TYPE}"/>`).join('');
        return append(data.replace('</Types>', `${overrides}</Types>`), options);
      }
      return append(data, options);
    };
  }

  /**
   * Adds the tables of one sheet. Call before the sheet is committed.
   * @param workbook the workbook writer
   * @param worksheet the sheet the tables sit on
   * @param tables the tables, with their ranges
   */
  addSheetTables(workbook: ExcelJS.stream.xlsx.WorkbookWriter, worksheet: ExcelJS.Worksheet, tables: { block: TableBlock; ref: string }[]): void {
    if (tables.length === 0) return;
    const ws = worksheet as unknown as StreamingWorksheetParts;
    const zip = (workbook as unknown as StreamingWorkbookParts).zip;
    const ids = tables.map(({ block, ref }) => {
      const id = ++this.count;
      const part = `table${id}.xml`;
      this.parts.push(part);
      zip.append(tableXml(id, block, ref), { name: `xl/tables/${part}` });
      return ws._sheetRelsWriter.addRelationship({ Type: TABLE_REL, Target: `../tables/${part}` });
    });
    const close = ws._writeCloseWorksheet.bind(ws);
    ws._writeCloseWorksheet = () => {
      ws._write(`<tableParts count="${ids.length}">${ids.map((rId) => `<tablePart r:id="${rId}"/>`).join('')}</tableParts>`);
      close();
    };
  }
}
