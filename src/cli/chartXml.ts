/**
 * DrawingML for the plan's charts, the parts Excel itself writes for a chart on a sheet:
 * - `xl/charts/chartN.xml`: a `c:chartSpace` (ECMA-376 Part 1, 21.2 DrawingML - Charts) with a
 *   bar chart (21.2.2.16 barChart: barDir `col` or `bar`, grouping `clustered`) or a pie chart
 *   (21.2.2.141 pieChart), one series per value column: its name, categories and values as
 *   references to the sheet's cells (so the chart follows edits) with the plan's values cached;
 * - `xl/drawings/drawingN.xml`: a `xdr:wsDr` (20.5 DrawingML - SpreadsheetML Drawing) holding one
 *   `xdr:twoCellAnchor` per chart, from the anchor's top-left cell to the bottom-right corner of
 *   its last cell, as Office.js `Chart.setPosition(startCell, endCell)` places it.
 * Element order follows the schema's sequences (LibreOffice and Excel both refuse misordered parts).
 */
import type { ChartSpec, PlanValue, SheetPlan } from '../report/plan';
import { columnLetter } from '../engine';
import { cellFormatOf } from '../report/formats';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Ids of the two axes of a bar chart (any unique numbers). */
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

/** Escapes text for XML content and attributes. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The value of a cell of the plan sheet (null when no block covers it). */
export function planCell(sheet: SheetPlan, row: number, column: number): PlanValue {
  for (const b of sheet.blocks) {
    if (b.kind === 'table') {
      if (row < b.row || row > b.row + b.rows.length || column < b.column || column >= b.column + b.header.length) continue;
      return row === b.row ? b.header[column - b.column] : b.rows[row - b.row - 1][column - b.column] ?? null;
    }
    const value = b.values[row - b.row]?.[column - b.column];
    if (value !== undefined) return value;
  }
  return null;
}

/** The number format of a cell of the plan sheet (General when none). */
export function planFormat(sheet: SheetPlan, row: number, column: number): string {
  for (const b of sheet.blocks) {
    if (b.kind === 'table') {
      if (row <= b.row || row > b.row + b.rows.length || column < b.column || column >= b.column + b.header.length) continue;
      return b.columnFormats[column - b.column] ?? 'General';
    }
    if (b.values[row - b.row]?.[column - b.column] !== undefined) return cellFormatOf(b, row - b.row, column - b.column) ?? 'General';
  }
  return 'General';
}

/** `'Sheet name'!$A$1:$A$5` (quotes in the name doubled). */
function reference(sheetName: string, row: number, column: number, rows: number): string {
  const col = columnLetter(column);
  const first = `$${col}$${row + 1}`;
  const range = rows > 1 ? `${first}:$${col}$${row + rows}` : first;
  return `'${sheetName.replace(/'/g, "''")}'!${range}`;
}

function stringCache(values: PlanValue[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v === null ? '' : String(v))}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numberCache(values: PlanValue[]): string {
  const points = values.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

/** One series: the value column `j` (1-based within the source) against the first column. */
function seriesXml(sheet: SheetPlan, spec: ChartSpec, j: number, bar: boolean): string {
  const { row, column, rows } = spec.source;
  const points = rows - 1;
  const categories = Array.from({ length: points }, (_, i) => planCell(sheet, row + 1 + i, column));
  const values = Array.from({ length: points }, (_, i) => planCell(sheet, row + 1 + i, column + j));
  const name = planCell(sheet, row, column + j);
  return `<c:ser><c:idx val="${j - 1}"/><c:order val="${j - 1}"/>` +
    `<c:tx><c:strRef><c:f>${xmlText(reference(sheet.name, row, column + j, 1))}</c:f>${stringCache([name])}</c:strRef></c:tx>` +
    (bar ? '<c:invertIfNegative val="0"/>' : '') +
    `<c:cat><c:strRef><c:f>${xmlText(reference(sheet.name, row + 1, column, points))}</c:f>${stringCache(categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlText(reference(sheet.name, row + 1, column + j, points))}</c:f>${numberCache(values)}</c:numRef></c:val>` +
    '</c:ser>';
}

/** The axes of a bar chart; the value axis shows numbers in the format of the first value cell. */
function axesXml(horizontalBars: boolean, valueFormat: string): string {
  const [categoryPosition, valuePosition] = horizontalBars ? ['l', 'b'] : ['b', 'l'];
  return `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${categoryPosition}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${valuePosition}"/><c:majorGridlines/><c:numFmt formatCode="${xmlText(valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/>` +
    '<c:crossBetween val="between"/></c:valAx>';
}

/**
 * The chart part of one chart.
 * @param sheet the plan sheet the chart sits on (its cells are the chart's data)
 * @param spec the chart
 * @returns the XML of `xl/charts/chartN.xml`
 */
export function chartXml(sheet: SheetPlan, spec: ChartSpec): string {
  const seriesCount = Math.max(1, spec.source.columns - 1);
  const pie = spec.type === 'pie';
  const series = Array.from({ length: pie ? 1 : seriesCount }, (_, i) => seriesXml(sheet, spec, i + 1, !pie)).join('');
  const plot = pie
    ? `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`
    : `<c:barChart><c:barDir val="${spec.type === 'barClustered' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `${series}<c:gapWidth val="150"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>${axesXml(spec.type === 'barClustered', planFormat(sheet, spec.source.row + 1, spec.source.column + 1))}`;
  const legend = pie || seriesCount > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${xmlText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return `${XML_HEAD}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>';
}

/**
 * The drawing part of a sheet: one anchored frame per chart, chart i related as `rId{i+1}`.
 * @param charts the sheet's charts, in order
 * @returns the XML of `xl/drawings/drawingN.xml`
 */
export function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts.map((spec, i) => {
    const a = spec.anchor;
    return '<xdr:twoCellAnchor editAs="oneCell">' +
      `<xdr:from><xdr:col>${a.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${a.column + a.columns}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row + a.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlText(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  }).join('');
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors}</xdr:wsDr>`;
}

/**
 * The relationships of a drawing part: chart i as `rId{i+1}`.
 * @param chartParts file names of the sheet's chart parts, e.g. `chart3.xml`
 */
export function drawingRelsXml(chartParts: readonly string[]): string {
  const rels = chartParts.map((part, i) =>
    `<Relationship Id="rId${i + 1}" Type="${R_NS}/chart" Target="../charts/${part}"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}
