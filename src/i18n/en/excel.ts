/** Strings of the Excel layer (src/excel): refusals and problems with the workbook. */
export const excel: Record<string, string> = {
  'excel.emptySelection': 'The selection is empty. Select the transactions with their header row, or pick an Excel table.',
  'excel.oneCell': 'Only one cell is selected. Select the whole block of transactions with its header row.',
  'excel.headerOnly': 'The selection holds only a header row ({address}). Select the header and the data rows below it.',
  'excel.ownSheet': 'The selection is on "{sheet}", a sheet this add-in wrote. Select the source transactions instead.',
  'excel.tableMissing': 'There is no Excel table named "{name}".',
  'excel.sourceSheetMissing': 'The source sheet of the saved analysis no longer exists. Run Analyze again from the task pane.',
  'excel.noSettings': 'This workbook has no saved analysis yet. Open the task pane and press Analyze first.',
  'excel.badSettings': 'The analysis settings saved in this workbook cannot be read ({detail}). Run Analyze again from the task pane.',
  'excel.headerMoved': 'The header row of the source ({address}) has changed: column "{column}" is missing. Run Analyze again from the task pane.',
  'excel.writeBackBlocked': 'Cannot write the scores beside the source: {address} already holds data that this add-in did not write. Clear those cells or turn off "Write segment and RFM code beside the data".',
  'excel.tooLarge': 'The data is too large to send to Excel in one piece; it was not written.',
  'excel.writeFailed': 'Writing the output failed ({detail}); nothing was changed.',
  'excel.writeBackHeaderSegment': 'RFM segment',
  'excel.writeBackHeaderCode': 'RFM code',
  'excel.needsApi': 'This version of Excel is too old for the add-in: it needs the Excel JavaScript API {version} or later (Excel 2016 with updates, Microsoft 365, or Excel on the web).',
  'excel.multipleAreas': 'Several separate ranges are selected. Select one block: the transactions with their header row.',
};
