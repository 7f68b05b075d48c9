/** "Check this Excel" against the simulator: every probe runs, the scratch sheet and name go away. */
import { PROBE_TEXTS, checkExcel, reportText, requirementSets } from '../../src/excel/probes';
import { createExcelSimulator } from '../../src/simulator';
import { simulatorHost } from '../../src/simulator/host';

describe('checkExcel', () => {
  it('runs each probe in a scratch sheet and leaves the workbook as it was', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Sales', [['x']]);
    const results = await checkExcel(simulatorHost(sim), { host: 'Excel', platform: 'OfficeOnline', version: '16.0' });
    expect(results.map((r) => r.probe)).toEqual(['Excel', 'requirement sets', 'text round trip', 'leading apostrophe', 'table create, rename, grow, resize, delete', 'sheet marker (hidden defined name)', 'Jalali date format']);
    const by = Object.fromEntries(results.map((r) => [r.probe, r]));
    expect(by.Excel.detail).toBe('Excel, OfficeOnline, 16.0');
    expect(by['text round trip']).toEqual({ probe: 'text round trip', status: 'ok', detail: `${PROBE_TEXTS.length} texts read back as written` });
    expect(by['table create, rename, grow, resize, delete'].detail).toMatch(/beside it: 'rfm-check'!A10:C12; resized to 'rfm-check'!A10:B12; deleted$/);
    expect(by['sheet marker (hidden defined name)']).toMatchObject({ status: 'ok' });
    // the simulator does not draw the Persian calendar: this is what real Excel must tell us
    expect(by['Jalali date format']).toMatchObject({ status: 'differs' });
    expect(sim.sheetNames()).toEqual(['Sales']);
    expect(sim.names()).toEqual([]);
    expect(sim.tables()).toEqual([]);
    expect(reportText(results).split('\n')).toHaveLength(results.length);
    expect(reportText(results).split('\n')[2]).toBe(`✓ text round trip: ${PROBE_TEXTS.length} texts read back as written`);
  });

  it('reports the highest requirement set versions, and skips the resize below ExcelApi 1.13', async () => {
    const sim = createExcelSimulator({ excelApiMinor: 9 });
    sim.addSheet('Sales');
    expect(requirementSets(simulatorHost(sim))).toBe('ExcelApi 1.9, SharedRuntime 1.1, CustomFunctionsRuntime 1.4, RibbonApi 1.1, DialogApi 1.2');
    const bare = createExcelSimulator({ excelApiMinor: 4, requirementSets: {} });
    expect(requirementSets(simulatorHost(bare))).toBe('ExcelApi 1.4, SharedRuntime none, CustomFunctionsRuntime none, RibbonApi none, DialogApi none');
    const results = await checkExcel(simulatorHost(sim), {});
    expect(results.find((r) => r.probe.startsWith('table'))?.detail).toContain('resize skipped (needs ExcelApi 1.13)');
    expect(results[0].detail).toBe('unknown');
    expect(sim.sheetNames()).toEqual(['Sales']);
  });

  it('reports a refused probe and goes on with the others', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Sales');
    sim.failNext('TableCollection.add', 'InvalidOperation');
    const results = await checkExcel(simulatorHost(sim), {});
    expect(results.find((r) => r.probe.startsWith('table'))).toMatchObject({ status: 'failed' });
    expect(results.find((r) => r.probe.startsWith('Jalali'))?.status).toBe('differs');
    expect(sim.sheetNames()).toEqual(['Sales']);
  });
});
