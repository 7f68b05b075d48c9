/**
 * `Excel.PageLayout` (ExcelApi 1.9), the part the add-in uses, as documented
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout):
 * - `orientation`: "Portrait" or "Landscape" (excel.pageorientation);
 * - `zoom`: a PageLayoutZoomOptions object set as a whole ("must be set as a JSON object (use
 *   x.zoom = {...} instead of x.zoom.scale = ...)"); `scale` between 10 and 400
 *   (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions);
 * - `setPrintTitleRows(range)`: the rows repeated at the top of each printed page; an address such
 *   as `$1:$1` (office-js-snippets, samples/excel/54-worksheet/worksheet-page-layout.yaml).
 * `Worksheet.horizontalPageBreaks`, a PageBreakCollection (ExcelApi 1.9,
 * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection): `add(pageBreakRange)`
 * "Adds a page break before the top-left cell of the range specified" (a range or an address);
 * `removePageBreaks()` "Resets all manual page breaks in the collection"; `getCount()`. The
 * PageBreak that `add` returns is not modelled (the add-in does not use it).
 * Every member needs ExcelApi 1.9: on older hosts the call fails as office.js does.
 */
import { parseCells } from './address';
import { ClientObject, ClientResult } from './clientObject';
import { SimContext } from './context';
import { simError } from './errors';
import { SheetModel } from './model';
import type { RangeProxy } from './range';

const ORIENTATIONS = new Set(['Portrait', 'Landscape']);
const PAGE_LAYOUT_API = 9;

/** `$4:$4` or `4:5` → 0-based first and last row. */
function titleRows(address: string): { first: number; last: number } {
  const match = /^\$?(\d+):\$?(\d+)$/.exec(address.slice(address.lastIndexOf('!') + 1));
  if (!match || Number(match[1]) < 1 || Number(match[2]) < Number(match[1])) {
    throw simError('InvalidArgument', `Title rows must be whole rows such as $1:$1, not ${address}.`, 'PageLayout.setPrintTitleRows');
  }
  return { first: Number(match[1]) - 1, last: Number(match[2]) - 1 };
}

function checkZoom(zoom: Excel.PageLayoutZoomOptions): void {
  const { scale, horizontalFitToPages, verticalFitToPages } = zoom ?? {};
  if (scale !== undefined && scale !== null && (scale < 10 || scale > 400)) {
    throw simError('InvalidArgument', 'The print scale must be between 10 and 400.', 'PageLayout.zoom');
  }
  for (const pages of [horizontalFitToPages, verticalFitToPages]) {
    if (pages !== undefined && pages !== null && (!Number.isInteger(pages) || pages < 0)) {
      throw simError('InvalidArgument', 'Pages to fit must be a whole number.', 'PageLayout.zoom');
    }
  }
}

/** The simulated `Excel.PageLayout` of a worksheet. */
export class PageLayoutProxy extends ClientObject<SheetModel> {
  protected readonly scalarProps = ['orientation', 'zoom'];

  constructor(context: SimContext, sheet: () => SheetModel) { super(context, sheet, 'PageLayout'); }

  protected read(prop: string, t: SheetModel): unknown {
    return prop === 'orientation' ? t.print.orientation : { ...t.print.zoom };
  }

  get orientation(): string { return this.get('orientation'); }
  set orientation(v: string) {
    this.set('orientation', v, PAGE_LAYOUT_API, (t) => {
      if (!ORIENTATIONS.has(v)) throw simError('InvalidArgument', `Unknown orientation ${v}`, 'PageLayout.orientation');
      t.print.orientation = v;
    });
  }

  get zoom(): Excel.PageLayoutZoomOptions { return this.get('zoom'); }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.set('zoom', v, PAGE_LAYOUT_API, (t) => {
      checkZoom(v);
      t.print.zoom = { ...v };
    });
  }

  /** `setPrintTitleRows(title)`: whole rows, by address. */
  setPrintTitleRows(title: string): void {
    this.call('setPrintTitleRows', [title], PAGE_LAYOUT_API, (t) => { t.print.titleRows = titleRows(title); });
  }
}

/** The simulated `Worksheet.horizontalPageBreaks`: manual breaks above rows. */
export class PageBreakCollectionProxy extends ClientObject<SheetModel> {
  protected readonly scalarProps: string[] = [];

  constructor(context: SimContext, sheet: () => SheetModel) { super(context, sheet, 'PageBreakCollection'); }

  protected read(): unknown { return undefined; }

  /** `add(pageBreakRange)`: a break above the range's top-left cell (an address on this sheet, or a range). */
  add(pageBreakRange: string | RangeProxy): void {
    this.call('add', [typeof pageBreakRange === 'string' ? pageBreakRange : 'Range'], PAGE_LAYOUT_API, (t) => {
      const row = typeof pageBreakRange === 'string'
        ? parseCells(pageBreakRange.slice(pageBreakRange.lastIndexOf('!') + 1)).row
        : pageBreakRange.target().rect.row;
      if (!t.rowBreaks.includes(row)) t.rowBreaks = [...t.rowBreaks, row].sort((a, b) => a - b);
    });
  }

  /** `removePageBreaks()`: no manual breaks left. */
  removePageBreaks(): void {
    this.call('removePageBreaks', [], PAGE_LAYOUT_API, (t) => { t.rowBreaks = []; });
  }

  /** `getCount()`. */
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.call('getCount', [], PAGE_LAYOUT_API, (t) => result.resolve(t.rowBreaks.length));
    return result;
  }
}
