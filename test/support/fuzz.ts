/**
 * Shared pieces of the fuzz tests (issue 11, Deliver 7): each generated input must end with a
 * result or an InputError (UsageError for options), never another exception. Runs are counted,
 * not timed, so the set stays well under 30 s of CPU; fast-check prints the seed and the
 * shrunk input of any failure, which is how a found input is reproduced and kept as a case.
 */
import { InputError } from '../../src/engine/types';

/** Runs per property: enough to hit the hostile shapes below, few enough to keep CI fast. */
export const FUZZ_RUNS = 300;

/** Fragments that broke or nearly broke the readers: unclosed tags, huge numbers, bad references. */
export const HOSTILE_XML = [
  '<row', '<row r="200000000">', '<row r="0">', '<row r="x">', '</row>', '<c', '<c r="XFE1">', '<c r="ZZZZZZZZ1">', '</c>', '<c t="s"><v>99999</v></c>',
  '<v>', '</v>', '<si>', '</si>', '<t>', '</t>', '<rPh>', '&#x110000;', '&#xD800;', '&#0;', '&#99999999999;', '&bogus;', '&', '_x0000_', '_xZZZZ_',
  '<sheetData/>', '</sheetData>', '<is>', '<c t="inlineStr"><is><t>', '<c t="d"><v>not a date</v></c>', '<c t="b"><v>2</v></c>', '<v>1e400</v>', '<v>NaN</v>',
  '>', '<', '"', "'", '<x:row>', '<cellXfs>', '<xf numFmtId="14"', '<numFmt numFmtId="164" formatCode="yyyy"/>',
];

/** Text cells that have tripped number and date parsers elsewhere. */
export const HOSTILE_TEXT = [
  '0xDEAD', '1e308', '-1e308', '1e400', 'Infinity', '-0', '(12', '12)', '1,000', '1.234,5', '۱۲٬۵۰۰', '٫', '−12', '12-', '$', '€100', 'ریال',
  '2024-02-30', '1404/12/30', '0000-00-00', '9999-99-99', '31/12/99', '12/31/1999', '45737', '-1', '1e9', '29991231', '=1+1', '\u0000', '\ufffd', '"', '',
];

/**
 * Calls a reader and says how it ended: 'result' or 'input-error'; any other exception is rethrown
 * so the property fails and fast-check shrinks the input.
 */
export async function endsCleanly(read: () => unknown): Promise<'result' | 'input-error'> {
  try {
    await read();
    return 'result';
  } catch (err) {
    if (err instanceof InputError) return 'input-error';
    throw err;
  }
}
