/**
 * The functions.json that custom-functions-metadata-plugin makes from the JSDoc of functions.ts
 * (generated here with the same package), and the Persian functions-fa.json derived from it.
 */
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FA_DESCRIPTIONS, allowErrorInputs, localizeMetadata } from '../../src/functions/localizedMetadata';
import { elementwise, errorCodeOf } from '../../src/functions/args';

const SOURCE = path.resolve(__dirname, '..', '..', 'src', 'functions', 'functions.ts');

interface Parameter {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
  options?: Record<string, boolean>;
}

/** Intended signature: name, type, matrix?, optional? per parameter. */
type Signature = [string, 'any' | 'number' | 'boolean' | 'string', 'matrix' | 'scalar', boolean][];
const range = (name: string): Signature[number] => [name, 'any', 'matrix', false];
const INTENDED: Record<string, Signature> = {
  SCORE: [range('value'), range('values'), ['bins', 'number', 'scalar', true], ['reverse', 'boolean', 'scalar', true]],
  SEGMENT: [range('r'), range('f'), range('m'), ['rules', 'any', 'matrix', true]],
  RFMCODE: [range('r'), range('f'), range('m')],
  VALUEQUADRANT: [range('frequency'), range('monetary'), range('all_frequencies'), range('all_monetaries'), ['split', 'string', 'scalar', true]],
  LOYALTYQUADRANT: [range('length'), range('recency'), range('all_lengths'), range('all_recencies'), ['split', 'string', 'scalar', true]],
  CUSTOMERTABLE: [range('customers'), range('dates'), range('amounts'), ['analysis_date', 'any', 'scalar', true], ['bins', 'number', 'scalar', true], ['predictions', 'boolean', 'scalar', true]],
  MIGRATION: [range('customers'), range('dates'), range('amounts'), ['compare_date', 'any', 'scalar', false], ['analysis_date', 'any', 'scalar', true], ['bins', 'number', 'scalar', true]],
  FIT: [range('x'), range('t_x'), range('T'), ['zbar', 'any', 'matrix', true], ['model', 'string', 'scalar', true]],
  PALIVE: [range('x'), range('t_x'), range('T'), range('params'), ['model', 'string', 'scalar', true]],
  CLV: [
    range('x'), range('t_x'), range('T'), range('zbar'), range('params'),
    ['time_unit', 'string', 'scalar', true], ['horizon_months', 'number', 'scalar', true],
    ['discount_rate', 'number', 'scalar', true], ['margin', 'number', 'scalar', true], ['model', 'string', 'scalar', true],
  ],
};

/**
 * Excel's own function names near ours: worksheet functions (CODE, …) and Excel 4.0 macro functions
 * (TABLE, RUN, ECHO, …). The naming guidelines say to avoid names that match an Excel 4.0 macro
 * function or a cell reference (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming).
 */
const EXCEL_OWN_NAMES = new Set([
  // worksheet functions
  'SUM', 'CODE', 'UNICODE', 'CHAR', 'TEXT', 'VALUE', 'COUNT', 'RANK', 'PERCENTRANK', 'PERCENTILE', 'QUARTILE',
  'STANDARDIZE', 'FORECAST', 'TREND', 'GROWTH', 'LINEST', 'LOGEST', 'SORT', 'FILTER', 'UNIQUE', 'GROUPBY', 'PIVOTBY',
  'LOOKUP', 'CHOOSE', 'SWITCH', 'TYPE', 'INFO', 'CELL', 'N', 'T', 'FV', 'PV', 'NPV',
  // Excel 4.0 macro functions
  'TABLE', 'RUN', 'ECHO', 'RESULT', 'RETURN', 'FORMULA', 'EVALUATE', 'CALLER', 'CALL', 'REGISTER', 'ARGUMENT',
  'SELECTION', 'FILES', 'ALERT', 'INPUT', 'CALCULATE', 'SCENARIO.ADD', 'CONSOLIDATE', 'SUBTOTALS', 'OUTLINE',
]);

/** The names among `names` that are Excel's own or read as a cell reference (A1…XFD1048576, R1C1). */
function clashes(names: string[]): string[] {
  return names.filter((n) => EXCEL_OWN_NAMES.has(n.toUpperCase()) || /^[A-Z]{1,3}[0-9]+$/i.test(n) || /^R[0-9]*C[0-9]*$/i.test(n));
}

let metadataJson = '';
let functions: FunctionMetadata[] = [];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  expect(result.errors).toEqual([]);
  metadataJson = result.metadataJson;
  functions = JSON.parse(metadataJson).functions;
}, 30000);

it('declares exactly the intended functions, ids and names upper case and equal', () => {
  expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(INTENDED).sort());
  for (const f of functions) expect(f.name).toBe(f.id);
});

it.each(Object.entries(INTENDED))('%s has the intended parameters, types, optional flags and dimensionality', (id, signature) => {
  const f = functions.find((fn) => fn.id === id) as FunctionMetadata;
  const actual = f.parameters.map((p) => [p.name, p.type, p.dimensionality ?? 'scalar', p.optional === true]);
  expect(actual).toEqual(signature);
  expect(f.result.dimensionality).toBe('matrix');
  expect(f.options?.volatile ?? false).toBe(false);
  expect(f.description).toBeTruthy();
  for (const p of f.parameters) expect(p.description).toBeTruthy();
});

describe('names (custom functions naming guidelines)', () => {
  it('the check catches built-in, macro and cell-reference names', () => {
    expect(clashes(['CODE', 'TABLE', 'RUN', 'echo', 'AB12', 'R1C1', 'RC', 'RFMCODE', 'CUSTOMERTABLE'])).toEqual(['CODE', 'TABLE', 'RUN', 'echo', 'AB12', 'R1C1', 'RC']);
  });

  it('no function id or name, English or Persian, is an Excel function name or a cell reference', () => {
    const fa = JSON.parse(localizeMetadata(metadataJson, FA_DESCRIPTIONS)).functions as FunctionMetadata[];
    const names = [...functions, ...fa].flatMap((f) => [f.id, f.name]);
    expect(names).toHaveLength(4 * Object.keys(INTENDED).length);
    expect(clashes(names)).toEqual([]);
  });
});

it('optional parameters come after the required ones', () => {
  for (const f of functions) {
    const firstOptional = f.parameters.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
  }
});

describe('Persian metadata (functions-fa.json)', () => {
  it('has a Persian description for every function and parameter, ids, names and types unchanged', () => {
    const fa = JSON.parse(localizeMetadata(metadataJson, FA_DESCRIPTIONS)).functions as FunctionMetadata[];
    expect(fa.map((f) => [f.id, f.name])).toEqual(functions.map((f) => [f.id, f.name]));
    const persian = /[\u0600-\u06FF]/;
    fa.forEach((f, i) => {
      expect(f.description).toMatch(persian);
      f.parameters.forEach((p, j) => {
        expect(p.description).toMatch(persian);
        expect({ ...p, description: '' }).toEqual({ ...functions[i].parameters[j], description: '' });
      });
    });
  });

  it('has no entries for functions or parameters that do not exist', () => {
    for (const [id, entry] of Object.entries(FA_DESCRIPTIONS)) {
      const f = functions.find((fn) => fn.id === id);
      expect(f).toBeDefined();
      expect(Object.keys(entry.parameters).sort()).toEqual((f as FunctionMetadata).parameters.map((p) => p.name).sort());
    }
  });

  it('refuses to ship a function without a Persian description', () => {
    const { SCORE: _omitted, ...rest } = FA_DESCRIPTIONS;
    void _omitted;
    expect(() => localizeMetadata(metadataJson, rest)).toThrow('SCORE');
  });
});

describe('error cells as inputs (allowErrorForDataTypeAny)', () => {
  it('sets the flag the JSDoc cannot set, keeping every function', () => {
    const flagged = JSON.parse(allowErrorInputs(JSON.stringify({ functions: [{ id: 'A', name: 'A', parameters: [] }] })));
    expect(flagged).toEqual({ allowErrorForDataTypeAny: true, functions: [{ id: 'A', name: 'A', parameters: [] }] });
  });

  it('passes an input error on at its own position and computes the others', () => {
    const na = { code: '#N/A', message: '' };
    const out = elementwise([{ name: 'r', value: [[1], [na], [3]] }, { name: 'f', value: [[2], [2], [2]] }], ([r, f]) => Number(r) * 10 + Number(f));
    expect(out).toEqual([[12], [na], [32]]);
    expect(errorCodeOf(na)).toBe('#N/A');
    expect(errorCodeOf('#N/A')).toBeUndefined();
    expect(errorCodeOf({ code: 'x' })).toBeUndefined();
  });
});
