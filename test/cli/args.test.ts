import { UsageError, parseClusters, parseCommandLine, parseDelimiter, parseThresholds } from '../../src/cli/args';
import { resolveColumns } from '../../src/cli/columnArgs';
import type { AnalyzeCommand } from '../../src/cli/args';
import { parseSqlCommand } from '../../src/cli/sqlCommand';

function analyzeOf(argv: string[]): AnalyzeCommand {
  const command = parseCommandLine(argv);
  if (command.kind !== 'analyze') throw new Error(`expected analyze, got ${command.kind}`);
  return command;
}

function usageMessage(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseCommandLine', () => {
  it('knows help and version', () => {
    expect(parseCommandLine([])).toEqual({ kind: 'help', topic: 'main' });
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help', topic: 'main' });
    expect(parseCommandLine(['analyze', '--help'])).toEqual({ kind: 'help', topic: 'analyze' });
    expect(parseCommandLine(['help', 'analyze'])).toEqual({ kind: 'help', topic: 'analyze' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
  });

  it('maps every option onto the engine options', () => {
    const c = analyzeOf([
      'analyze', 'in.csv', '--customer', 'Client', '--date', 'When', '--amount', 'Total', '--order', 'Inv',
      '--quantity', 'Qty', '--price', 'Unit', '--cost', 'Cost', '--analysis-date', '2006-12-31', '--bins', '4',
      '--split', 'median', '--monetary-basis', 'average', '--date-order', 'dmy', '--clusters', '3', '--model', 'mbgnbd',
      '--time-unit', 'days', '--horizon-months', '24', '--discount-rate', '0.02', '--margin', '0.3',
      '--holdout-from', '1997-10-01', '--churn-thresholds', '0.6,0.2', '--out', 'x.json', '--delimiter', 'tab', '--no-header',
    ]);
    expect(c.file).toBe('in.csv');
    expect(c.columns).toEqual({ customer: 'Client', date: 'When', amount: 'Total', order: 'Inv', quantity: 'Qty', price: 'Unit', cost: 'Cost' });
    // 2006-12-31 is 13,513 days after 1970-01-01; 1997-10-01 is 10,135.
    expect(c.options).toEqual({
      analysisDate: 13513, bins: 4, split: 'median', monetaryBasis: 'average', dayMonthOrder: 'dmy', clusters: 3,
      model: 'mbgnbd', timeUnit: 'days', horizonMonths: 24, discountRate: 0.02, margin: 0.3, holdoutFrom: 10135,
      churnThresholds: { active: 0.6, churned: 0.2 },
    });
    expect(c.read).toEqual({ delimiter: '\t', header: false, sheet: undefined });
    expect(c.out).toBe('x.json');
  });

  it('takes customer-level input options', () => {
    const c = analyzeOf(['analyze', 'c.csv', '--input-kind', 'customers', '--recency-days', 'recency_days', '--frequency', 'number_of_orders', '--monetary', 'revenue']);
    expect(c.options.inputKind).toBe('customers');
    expect(c.columns).toEqual({ recencyDays: 'recency_days', frequency: 'number_of_orders', monetary: 'revenue' });
  });

  it('sets thresholds scoring from --thresholds', () => {
    const c = analyzeOf(['analyze', 'a.csv', '--bins', '3', '--thresholds', 'r=30,90;f=2,5;m=100,500;l=100,400']);
    expect(c.options.scoring).toBe('thresholds');
    expect(c.options.thresholds).toEqual({ recency: [30, 90], frequency: [2, 5], monetary: [100, 500], length: [100, 400] });
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['--frob'], "unknown option '--frob'"],
    [['analyze'], 'needs an input file'],
    [['analyze', 'a.csv', 'b.csv'], 'one input file'],
    [['analyze', 'a.csv', '--frob'], "unknown option '--frob' (see rfm analyze --help)"],
    [['analyze', 'a.csv', '--bins'], "option '--bins <value>' argument missing (see rfm analyze --help)"],
    [['analyze', 'a.csv', '--bins', '11'], '--bins must be a whole number from 2 to 10'],
    [['analyze', 'a.csv', '--bins', '2.5'], '--bins must be a whole number'],
    [['analyze', 'a.csv', '--analysis-date', '2006-02-30'], '--analysis-date must be a date YYYY-MM-DD'],
    [['analyze', 'a.csv', '--analysis-date', '31/12/2006'], '--analysis-date must be a date'],
    [['analyze', 'a.csv', '--scoring', 'kmeans'], '--scoring must be quantile | thresholds'],
    [['analyze', 'a.csv', '--scoring', 'thresholds'], 'needs --thresholds'],
    [['analyze', 'a.csv', '--split', 'mode'], '--split must be mean | median | score'],
    [['analyze', 'a.csv', '--clusters', '9'], '--clusters must be a whole number from 2 to 8'],
    [['analyze', 'a.csv', '--model', 'pareto'], '--model must be auto | bgnbd | mbgnbd | paretonbd | off'],
    [['analyze', 'a.csv', '--discount-rate=-0.1'], '--discount-rate must be a number from 0 to 0.99'],
    [['analyze', 'a.csv', '--discount-rate', '-0.1'], "Write a value that starts with '-' as --option=VALUE"],
    [['analyze', 'a.csv', '--margin', 'x'], '--margin must be a number'],
    [['analyze', 'a.csv', '--delimiter', ':'], '--delimiter must be'],
    [['analyze', 'a.csv', '--header', '--no-header'], 'cannot both'],
    [['analyze', 'a.csv', '--customer', ''], '--customer needs a column name'],
    [['analyze', 'a.csv', '--churn-thresholds', '0.2,0.6'], '--churn-thresholds must be'],
    [['analyze', 'a.csv', '--lang', 'de'], '--lang must be en | fa'],
  ])('rejects %j with a one-line reason', (argv, expected) => {
    const message = usageMessage(argv as string[]);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });
});

describe('option value parsers', () => {
  it('reads delimiters by character or name', () => {
    expect(parseDelimiter(',')).toBe(',');
    expect(parseDelimiter('semicolon')).toBe(';');
    expect(parseDelimiter('\\t')).toBe('\t');
    expect(parseDelimiter('TAB')).toBe('\t');
    expect(parseDelimiter('whitespace')).toBe('whitespace');
  });

  it('reads clusters', () => {
    expect(parseClusters('auto')).toBe('auto');
    expect(parseClusters('OFF')).toBe('off');
    expect(parseClusters('2')).toBe(2);
    expect(() => parseClusters('1')).toThrow(UsageError);
  });

  it('checks thresholds: numbers, ascending, bins - 1 each, R F M present', () => {
    expect(() => parseThresholds('r=1,2;f=1,2;m=1,2', 5)).toThrow('needs 4 cut points for 5 bins, got 2');
    expect(() => parseThresholds('r=3,2;f=1,2;m=1,2', 3)).toThrow('ascending');
    expect(() => parseThresholds('r=1,x;f=1,2;m=1,2', 3)).toThrow('not a plain decimal number');
    expect(() => parseThresholds('r=1,2;f=1,2', 3)).toThrow('missing monetary');
    expect(() => parseThresholds('q=1,2', 3)).toThrow("cannot read 'q=1,2'");
  });
});

describe('resolveColumns', () => {
  const header = ['Customer ID', 'Date', 'Amount', 'amount'];
  it('matches exact names first, then ignoring case, then 1-based numbers', () => {
    expect(resolveColumns(header, { customer: 'Customer ID', date: 'date', amount: 'Amount' })).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(resolveColumns(['column1', 'column2'], { customer: '2' })).toEqual({ customer: 1 });
  });

  it('names the columns when a name matches none', () => {
    expect(() => resolveColumns(header, { order: 'Invoice' })).toThrow("--order: no column named 'Invoice'; the columns are: Customer ID, Date, Amount, amount");
  });

  it('asks for a number when duplicate header names make a name ambiguous', () => {
    const dup = ['id', 'date', 'total', 'total'];
    expect(() => resolveColumns(dup, { amount: 'total' })).toThrow("--amount 'total' matches columns 3 and 4 (duplicate header names); give the column number instead, e.g. --amount 3");
    expect(resolveColumns(dup, { amount: '4' })).toEqual({ amount: 3 });
  });
});

describe('--currency', () => {
  it('names the output currency (an engine option: rial and toman convert), none, or auto (the data decides)', () => {
    expect(analyzeOf(['analyze', 'x.csv', '--currency', 'toman']).options.currency).toBe('IRT');
    expect(analyzeOf(['analyze', 'x.csv', '--currency', 'Rial']).options.currency).toBe('IRR');
    expect(analyzeOf(['analyze', 'x.csv', '--currency', 'usd']).options.currency).toBe('USD');
    expect(analyzeOf(['analyze', 'x.csv', '--currency', 'none']).options.currency).toBe('none');
    expect('currency' in analyzeOf(['analyze', 'x.csv', '--currency', 'auto']).options).toBe(false);
    expect('currency' in analyzeOf(['analyze', 'x.csv']).options).toBe(false);
  });

  it('refuses other words, naming the option and the choices', () => {
    expect(usageMessage(['analyze', 'x.csv', '--currency', 'yen'])).toBe("--currency must be auto | rial | toman | usd | eur | gbp | none, got 'yen'");
  });
});

describe('option errors from Node read in our style and point to the right help', () => {
  it('rfm sql: lower-case, one line, its own help', () => {
    expect(() => parseSqlCommand(['--frob'])).toThrow(new UsageError("unknown option '--frob' (see rfm sql --help)"));
  });
});
