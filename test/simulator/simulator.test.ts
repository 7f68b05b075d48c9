/** The simulator's own rules, each as documented for Office.js (see the citations in simulator/). */
import { createExcelSimulator } from '../../src/simulator';
import { codeOf } from '../support/errors';

describe('excel simulator: load and sync', () => {
  it('throws PropertyNotLoaded before load + sync, and returns the values after', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('S', [['a', 1]]);
    await sim.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values, address');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([['a', 1]]);
      expect(range.address).toBe('S!A1:B1');
      expect(range.toJSON()).toEqual({ values: [['a', 1]], address: 'S!A1:B1' });
    });
  });

  it('loads nested paths and collection items', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('One');
    sim.addSheet('Two');
    await sim.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      const range = sheets.getItem('two').getRange('B:B');
      range.load('format/columnWidth');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['One', 'Two']);
      expect(range.format.columnWidth).toBe(48);
    });
  });

  it('reports null objects after sync and ItemNotFound for getItem', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('S');
    await sim.Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const setting = ctx.workbook.settings.getItemOrNullObject('k');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
      ctx.workbook.worksheets.getItem('Nope').getRange('A1').load('values');
      expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
    });
  });

  it('keeps earlier commands of a failed batch, like Excel', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('S');
    const code = await codeOf(
      sim.Excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('S');
        s.getRange('A1').values = [['kept']];
        s.getRange('A2:B2').values = [['too short']];
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
    expect(sim.values('S')).toEqual([['kept']]);
  });
});

describe('excel simulator: array sizes', () => {
  it.each(['values', 'numberFormat', 'formulas'] as const)('%s must match the range size', async (prop) => {
    const sim = createExcelSimulator();
    sim.addSheet('S');
    const code = await codeOf(
      sim.Excel.run(async (ctx) => {
        (ctx.workbook.worksheets.getItem('S').getRange('A1:B2') as unknown as Record<string, unknown>)[prop] = [['x', 'y']];
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('accepts one value for the whole range', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('S');
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B2');
      r.numberFormat = '0.00' as unknown as string[][];
      r.values = 7 as unknown as unknown[][];
    });
    expect(sim.values('S')).toEqual([[7, 7], [7, 7]]);
    expect(sim.numberFormats('S', 'A1:B2')).toEqual([['0.00', '0.00'], ['0.00', '0.00']]);
  });
});

describe('excel simulator: payload limit', () => {
  it('refuses a request over 5 MB with RequestPayloadSizeLimitExceeded and writes nothing', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('S');
    const rows = Array.from({ length: 80000 }, (_, i) => [`customer-${i}-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`, i]);
    const code = await codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange(`A1:B${rows.length}`).values = rows;
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(sim.syncs[0].requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(sim.values('S')).toEqual([]);
  });

  it('counts the bytes of each request and response and honours a configured limit', async () => {
    const sim = createExcelSimulator({ payloadLimitBytes: 1000 });
    sim.addSheet('S', [['abc']]);
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.load('values');
      await ctx.sync();
    });
    expect(sim.syncs[0].requestBytes).toBeGreaterThan(0);
    expect(sim.syncs[0].responseBytes).toBe(JSON.stringify([{ values: [['abc']] }]).length);
    const code = await codeOf(sim.Excel.run(async (ctx) => { ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['x'.repeat(2000)]]; }));
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
  });
});

describe('excel simulator: names', () => {
  it.each([['x'.repeat(32)], ['a/b'], ['a[b]'], ['a:b'], ['a*b'], ['a?b'], ['a\\b'], ['   '], ["'quoted'"]])('refuses the sheet name %j', async (name) => {
    const sim = createExcelSimulator();
    sim.addSheet('S');
    expect(await codeOf(sim.Excel.run(async (ctx) => void ctx.workbook.worksheets.add(name)))).toBe('InvalidArgument');
  });

  it('refuses a duplicate sheet name regardless of case, accepts 31 characters', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Customers');
    expect(await codeOf(sim.Excel.run(async (ctx) => void ctx.workbook.worksheets.add('CUSTOMERS')))).toBe('ItemAlreadyExists');
    await sim.Excel.run(async (ctx) => void ctx.workbook.worksheets.add('y'.repeat(31)));
    expect(sim.sheetNames()).toHaveLength(2);
  });

  it('keeps table names unique in the workbook and tables apart', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('A', [['h1', 'h2'], [1, 2]]);
    sim.addSheet('B', [['h1', 'h2'], [1, 2]]);
    sim.addTable('A', 'A1:B2', 'Sales');
    const dup = await codeOf(sim.Excel.run(async (ctx) => { ctx.workbook.worksheets.getItem('B').tables.add('B!A1:B2', true).name = 'sales'; }));
    expect(dup).toBe('ItemAlreadyExists');
    const overlap = await codeOf(sim.Excel.run(async (ctx) => void ctx.workbook.worksheets.getItem('A').tables.add('B2:C3', true)));
    expect(overlap).toBe('InvalidOperation');
    const bad = await codeOf(sim.Excel.run(async (ctx) => { ctx.workbook.tables.getItem('Sales').name = 'A1'; }));
    expect(bad).toBe('InvalidArgument');
  });
});

describe('excel simulator: formulas and text', () => {
  it('turns strings starting with = + - into formulas, and keeps them text under @ or an apostrophe', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('S');
    await sim.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.getRange('A1:D1').values = [['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)']];
      const text = s.getRange('A2:D2');
      text.numberFormat = [['@', '@', '@', '@']];
      text.values = [['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)']];
      s.getRange('A3:B3').values = [["'=1+1", "'0123"]];
      s.getRange('A4:B4').values = [['0123', 'TRUE']];
    });
    expect(sim.formulas('S', 'A1:D1')).toEqual([['=HYPERLINK("http://x","y")', 1, '=-2+3', '=@SUM(A1)']]);
    expect(sim.values('S', 'A1:D1')).toEqual([['#NAME?', 1, 1, '#NAME?']]);
    expect(sim.values('S', 'A2:D2')).toEqual([['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)']]);
    expect(sim.formulas('S', 'A2:D2')).toEqual(sim.values('S', 'A2:D2'));
    expect(sim.values('S', 'A3:B3')).toEqual([['=1+1', '0123']]);
    expect(sim.values('S', 'A4:B4')).toEqual([[123, true]]);
  });
});

describe('excel simulator: requirement sets and objects', () => {
  it('answers isSetSupported and fails newer calls with ApiNotFound', async () => {
    const sim = createExcelSimulator({ excelApiMinor: 7 });
    expect(sim.Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(sim.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
    sim.addSheet('S', [['a', 'b'], [1, 2]]);
    const code = await codeOf(
      sim.Excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('S');
        s.pivotTables.add('P', s.getRange('A1:B2'), s.getRange('D1'));
      }),
    );
    expect(code).toBe('ApiNotFound');
  });

  it('records tables, rows, charts, colour scales, pivots, freeze panes, settings, selection', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('S', [['Segment', 'Customers'], ['A', 3], ['B', 4]]);
    sim.select('S', 'A1:B3');
    await sim.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const t = s.tables.add('A1:B3', true);
      t.name = 'Segments';
      t.style = 'TableStyleLight9';
      t.rows.add(null, [['C', 5]]);
      s.getRange('B2:B4').conditionalFormats.add('ColorScale').colorScale.criteria = {
        minimum: { formula: null, type: 'LowestValue', color: '#F8696B' },
        maximum: { formula: null, type: 'HighestValue', color: '#63BE7B' },
      };
      const chart = s.charts.add('Pie', s.getRange('A1:B4'), 'Auto');
      chart.title.text = 'Customers';
    });
    expect(sim.tables()).toEqual([{ name: 'Segments', sheet: 'S', address: 'S!A1:B4', style: 'TableStyleLight9' }]);
    expect(sim.sheet('S').conditionalFormats).toHaveLength(1);
    expect(sim.sheet('S').charts[0]).toMatchObject({ type: 'Pie', title: 'Customers' });
    await sim.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const p = s.pivotTables.add('Pivot2', ctx.workbook.tables.getItem('Segments'), s.getRange('E1'));
      p.rowHierarchies.add(p.hierarchies.getItem('Segment'));
      p.dataHierarchies.add(p.hierarchies.getItem('Customers')).summarizeBy = 'Sum';
      s.freezePanes.freezeRows(1);
      ctx.workbook.settings.add('k', { a: [1, 2] });
      const sel = ctx.workbook.getSelectedRange();
      sel.load('address');
      await ctx.sync();
      expect(sel.address).toBe('S!A1:B3');
    });
        expect(sim.sheet('S').pivots.find((p) => p.name === 'Pivot2')).toMatchObject({ rows: ['Segment'], data: [{ summarizeBy: 'Sum' }] });
    expect(sim.sheet('S').frozenRows).toBe(1);
    expect(sim.settings()).toEqual({ k: { a: [1, 2] } });
  });
});

describe('excel simulator: application', () => {
  it('reads calculationMode at 1.1 and sets it from ExcelApi 1.8', async () => {
    const sim = createExcelSimulator({ excelApiMinor: 7 });
    await sim.Excel.run(async (ctx) => {
      const app = ctx.workbook.application;
      app.load('calculationMode');
      await ctx.sync();
      expect(app.calculationMode).toBe('Automatic');
      app.calculationMode = 'Manual';
      expect(await codeOf(ctx.sync())).toBe('ApiNotFound');
    });
  });

  it('installs Excel and Office globals for code that uses them directly', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('S', [[1]]);
    const target: Record<string, unknown> = {};
    sim.installGlobals(target);
    const excel = target.Excel as typeof sim.Excel;
    const value = await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1');
      r.load('values');
      await ctx.sync();
      return r.values[0][0];
    });
    expect(value).toBe(1);
    expect((target.Office as typeof sim.Office).context.requirements.isSetSupported('ExcelApi', '1.17')).toBe(true);
  });
});

describe('excel simulator: ranges, tables and sheets', () => {
  it('navigates ranges and reports text, value types and addresses', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('My data', [['id', 'day'], ['a', 45000], ['#N/A', 2]], [['General', 'General'], ['General', 'yyyy-mm-dd'], ['General', 'General']]);
    sim.addSheet('Empty');
    await sim.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('My data');
      const byIndexes = s.getRangeByIndexes(1, 0, 2, 2);
      const resized = s.getRange('A1').getResizedRange(2, 1);
      const cell = resized.getCell(1, 1);
      const emptyUsed = ctx.workbook.worksheets.getItem('Empty').getUsedRange();
      byIndexes.load('address,valueTypes,text');
      resized.load('address,rowCount,columnCount');
      cell.load('values,numberFormat,text');
      emptyUsed.load('address');
      await ctx.sync();
      expect(byIndexes.address).toBe("'My data'!A2:B3");
      expect(byIndexes.valueTypes).toEqual([['String', 'Double'], ['Error', 'Double']]);
      expect(byIndexes.text).toEqual([['a', '2023-03-15'], ['#N/A', '2']]);
      expect([resized.address, resized.rowCount, resized.columnCount]).toEqual(["'My data'!A1:B3", 3, 2]);
      expect([cell.values, cell.numberFormat]).toEqual([[[45000]], [['yyyy-mm-dd']]]);
      expect(emptyUsed.address).toBe('Empty!A1');
    });
  });

  it('gives header and body ranges of a table, and grows it with rows.add', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('S', [['k', 'v'], ['a', 1]]);
    await sim.Excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('S').tables.add('A1:B2', true);
      t.rows.add(null, [['b', 2], ['c', 3]]);
      const header = t.getHeaderRowRange();
      const body = t.getDataBodyRange();
      header.load('values');
      body.load('address');
      t.rows.load('count');
      t.load('name');
      await ctx.sync();
      expect(header.values).toEqual([['k', 'v']]);
      expect(body.address).toBe('S!A2:B4');
      expect(t.rows.count).toBe(3);
      expect(t.name).toBe('Table1');
    });
  });

  it('lists, hides gridlines, deletes sheets, and keeps the last one', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('A');
    sim.addSheet('B');
    await sim.Excel.run(async (ctx) => {
      const b = ctx.workbook.worksheets.getItem('B');
      b.showGridlines = false;
      ctx.workbook.worksheets.getItem('A').delete();
      const count = ctx.workbook.worksheets.getCount();
      await ctx.sync();
      expect(count.value).toBe(1);
    });
    expect(sim.sheet('B').showGridlines).toBe(false);
    expect(await codeOf(sim.Excel.run(async (ctx) => ctx.workbook.worksheets.getItem('B').delete()))).toBe('InvalidOperation');
  });
});
