/**
 * Writes a campaign list (report/campaignList.ts `campaignListSheet`) to a new sheet for the pane's
 * "Lists" choice. The sheet is the user's to copy from, not one of a run's outputs: it gets a free
 * name ("List – Champions (2)", sheets.ts `uniqueSheetName`), no ownership marker, and Refresh
 * leaves it alone. Values go in chunks as the report's blocks do (blocks.ts: formula- and
 * number-looking text such as `=...` or `0912...` gets the Text format first, cellValues.ts).
 * A failure deletes the half-written sheet (`Worksheet.delete`, ExcelApi 1.1,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member).
 */
import type { SheetPlan } from '../report/plan';
import { SyncBatcher } from './batcher';
import { writeBlockFormats, writeBlockValues } from './blocks';
import type { ExcelHost } from './host';
import { listSheets, uniqueSheetName } from './sheets';
import { detectFeatures, queueSheetDressing } from './structures';

/**
 * Adds the list's sheet, writes it and activates it.
 * @param host the Excel host
 * @param plan the list's sheet (its name is made unique among the workbook's sheets)
 * @returns the name the sheet got
 */
export async function writeListSheet(host: ExcelHost, plan: SheetPlan): Promise<string> {
  const features = detectFeatures(host);
  return host.run(async (context) => {
    const name = uniqueSheetName(plan.name, (await listSheets(context)).map((s) => s.name));
    const sheet = context.workbook.worksheets.add(name);
    await context.sync();
    try {
      const batch = new SyncBatcher(context, { beforeSync: () => undefined, rowsDone: () => undefined });
      for (const block of plan.blocks) await writeBlockValues(sheet, block, batch);
      for (const block of plan.blocks) await writeBlockFormats(sheet, block, batch);
      await batch.flush();
      queueSheetDressing(sheet, plan, features);
      sheet.activate();
      await context.sync();
      return name;
    } catch (error) {
      sheet.delete();
      await context.sync().catch(() => undefined);
      throw error;
    }
  });
}
