import { attribute, dateStyles, decodeText, elementText, isDateFormatCode, relationships, runsText, sharedStrings, withoutRootPrefix, workbookInfo } from '../../src/cli/xlsxXml';

describe('SpreadsheetML text helpers', () => {
  test('entities, character references and _xHHHH_ escapes', () => {
    expect(decodeText('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;')).toBe('a & b <c> "d" \'e\'');
    expect(decodeText('&#1605;&#x0634;')).toBe('مش');
    expect(decodeText('line_x000D__x000A_next')).toBe('line\r\nnext');
    expect(decodeText('_x005F_x0041_')).toBe('_x0041_');
  });

  test('attributes in either quote style, whole names only', () => {
    const tag = '<c r="B12" s=\'3\' t="s" xr:r="zz"';
    expect(attribute(tag, 'r')).toBe('B12');
    expect(attribute(tag, 's')).toBe('3');
    expect(attribute(tag, 't')).toBe('s');
    expect(attribute(tag, 'x')).toBeUndefined();
    expect(attribute('<sheet name="A &amp; B" r:id="rId7"/', 'r:id')).toBe('rId7');
    expect(attribute('<sheet\n  name="Sales"', 'name')).toBe('Sales');
  });

  test('element text and string items (runs joined, phonetic runs dropped)', () => {
    expect(elementText('<f>SUM(A1)</f><v>3.5</v>', 'v')).toBe('3.5');
    expect(elementText('<v/>', 'v')).toBe('');
    expect(elementText('<f>1</f>', 'v')).toBeUndefined();
    expect(runsText('<r><rPr><b/></rPr><t>Ab</t></r><r><t xml:space="preserve"> c </t></r><rPh sb="0" eb="1"><t>x</t></rPh>')).toBe('Ab c ');
    expect(sharedStrings('<sst><si><t>one</t></si><si/><si><r><t>t</t></r><r><t>wo</t></r></si></sst>')).toEqual(['one', '', 'two']);
  });

  test('date styles: built-in date ids and custom codes with d, m or y outside quotes', () => {
    const styles = '<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>' +
      '<numFmt numFmtId="165" formatCode="&quot;day&quot; 0"/><numFmt numFmtId="166" formatCode="[$-3160429]yyyy/mm/dd;@"/></numFmts>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="4"/></cellXfs></styleSheet>';
    expect(dateStyles(styles)).toEqual([false, true, true, false, true, false]);
    expect(isDateFormatCode('#,##0.00')).toBe(false);
    expect(isDateFormatCode('[Red]0;"dd"')).toBe(false);
  });

  test('workbook sheets in tab order, the date system, relationships', () => {
    const wb = '<workbook><workbookPr date1904="1"/><sheets><sheet name="Notes" sheetId="2" r:id="rId2"/><sheet name="Sales" sheetId="1" r:id="rId1"/></sheets></workbook>';
    expect(workbookInfo(wb)).toEqual({ sheets: [{ name: 'Notes', relationshipId: 'rId2' }, { name: 'Sales', relationshipId: 'rId1' }], date1904: true });
    expect(workbookInfo('<workbook><sheets/></workbook>').date1904).toBe(false);
    const rels = relationships('<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
    expect(rels.get('rId1')).toEqual({ type: 'http://x/worksheet', target: 'worksheets/sheet1.xml' });
  });

  test('a root namespace prefix comes off element names only; unprefixed parts are unchanged', () => {
    const prefixed = '<?xml version="1.0"?>\n<x:sst xmlns:x="urn:main" xmlns:r="urn:r"><x:si><x:t>a &lt;x:b&gt;</x:t></x:si><x:si/></x:sst>';
    expect(withoutRootPrefix(prefixed)).toBe('<?xml version="1.0"?>\n<sst xmlns:x="urn:main" xmlns:r="urn:r"><si><t>a &lt;x:b&gt;</t></si><si/></sst>');
    expect(sharedStrings(withoutRootPrefix(prefixed))).toEqual(['a <x:b>', '']);
    const plain = '<worksheet xmlns="urn:main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';
    expect(withoutRootPrefix(plain)).toBe(plain);
    expect(withoutRootPrefix('<!-- c --><r:x xmlns:r="u"><r:y r:id="1"/></r:x>')).toBe('<!-- c --><x xmlns:r="u"><y r:id="1"/></x>');
  });
});
