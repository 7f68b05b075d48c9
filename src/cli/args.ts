/**
 * Command-line parsing for `rfm`: node's util.parseArgs plus validation of every value, so that
 * main.ts receives either a ready command or a UsageError with a one-line reason (exit 2).
 */
import { parseArgs } from 'util';
import { parseSqlCommand, type SqlCommand } from './sqlCommand';
import type { AnalysisOptions, ColumnRole, CurrencyCode, InputKind } from '../engine';
import { BINS_LIMIT, CHURN_HORIZON_DAYS_LIMIT, DISCOUNT_RATE_LIMIT, HORIZON_MONTHS_LIMIT, MARGIN_LIMIT } from '../engine';
import {
  UsageError, dayOption, limitedOption, lowerFirst, oneOf, parseChurnThresholds, parseClusters, parseDelimiter, parseThresholds, type Delimiter,
} from './optionValues';
import { parseEncoding } from './encoding';

export { UsageError, parseChurnThresholds, parseClusters, parseDelimiter, parseThresholds, type Delimiter } from './optionValues';

/** Output languages of the .xlsx workbook. */
export type OutputLang = 'en' | 'fa';

/** How to read the input file. */
export interface ReadSettings {
  /** Undefined = detect. */
  delimiter?: Delimiter;
  /** Undefined = detect; false = the first line is data. */
  header?: boolean;
  /** Worksheet of an .xlsx input; default the first. */
  sheet?: string;
  /** Text encoding of a text input (an iconv-lite name); undefined = detect. */
  encoding?: string;
}

/** `rfm analyze` after parsing: what to read, how to analyse, where to write. */
export interface AnalyzeCommand {
  kind: 'analyze';
  file: string;
  read: ReadSettings;
  /** Column overrides by header name (or 1-based column number), resolved against the header later. */
  columns: Partial<Record<ColumnRole, string>>;
  /** Options for the engine, without `columns` (main.ts adds them once the header is known). */
  options: AnalysisOptions;
  /** Output path; undefined = CSV on stdout. */
  out?: string;
  lang: OutputLang;
  /** No progress bar, no skipped-rows line. */
  quiet: boolean;
  /** CSV output: formula-looking text unchanged instead of neutralised (`--csv-raw`). */
  csvRaw: boolean;
  /** Folder for the campaign lists (`--lists DIR`), one CSV per segment and per churn status. */
  lists?: string;
  /** Contact columns for the lists (`--contact COL`, repeatable); default: detected by header. */
  contacts?: string[];
  /** The wallet column for share of wallet (`--wallet COL`); default: detected by header. */
  wallet?: string;
}

/** Any command the CLI runs. */
export type Command = { kind: 'help'; topic: 'main' | 'analyze' | 'sql' } | { kind: 'version' } | AnalyzeCommand | SqlCommand;

/** Options of `rfm analyze`, as util.parseArgs takes them. */
const ANALYZE_OPTIONS = {
  customer: { type: 'string' },
  date: { type: 'string' },
  amount: { type: 'string' },
  order: { type: 'string' },
  quantity: { type: 'string' },
  price: { type: 'string' },
  cost: { type: 'string' },
  'input-kind': { type: 'string' },
  'recency-days': { type: 'string' },
  'last-purchase': { type: 'string' },
  frequency: { type: 'string' },
  monetary: { type: 'string' },
  'analysis-date': { type: 'string' },
  today: { type: 'string' },
  'zero-amounts': { type: 'string' },
  bins: { type: 'string' },
  scoring: { type: 'string' },
  thresholds: { type: 'string' },
  split: { type: 'string' },
  'monetary-basis': { type: 'string' },
  'date-order': { type: 'string' },
  clusters: { type: 'string' },
  model: { type: 'string' },
  'time-unit': { type: 'string' },
  'horizon-months': { type: 'string' },
  'discount-rate': { type: 'string' },
  margin: { type: 'string' },
  'holdout-from': { type: 'string' },
  'churn-thresholds': { type: 'string' },
  'churn-horizon-days': { type: 'string' },
  'no-backtest': { type: 'boolean' },
  delimiter: { type: 'string', short: 'd' },
  header: { type: 'boolean' },
  'no-header': { type: 'boolean' },
  sheet: { type: 'string' },
  encoding: { type: 'string' },
  lang: { type: 'string' },
  currency: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'csv-raw': { type: 'boolean' },
  'compare-to': { type: 'string' },
  cohorts: { type: 'boolean' },
  lists: { type: 'string' },
  contact: { type: 'string', multiple: true },
  wallet: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Column-naming options and the engine role each one sets. */
export const COLUMN_OPTIONS: [keyof typeof ANALYZE_OPTIONS, ColumnRole][] = [
  ['customer', 'customer'],
  ['date', 'date'],
  ['amount', 'amount'],
  ['order', 'order'],
  ['quantity', 'quantity'],
  ['price', 'price'],
  ['cost', 'cost'],
  ['recency-days', 'recencyDays'],
  ['last-purchase', 'lastPurchase'],
  ['frequency', 'frequency'],
  ['monetary', 'monetary'],
];

type RawValues = { [K in keyof typeof ANALYZE_OPTIONS]?: (typeof ANALYZE_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/**
 * Parses the whole argument vector (without `node` and the script).
 * @param argv e.g. `['analyze', 'sales.csv', '--bins', '4']`
 * @returns the command to run
 * @throws UsageError on an unknown command or option or a bad value
 */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    return { kind: 'help', topic: rest[0] === 'analyze' || rest[0] === 'sql' ? rest[0] : 'main' };
  }
  if (first === '--version' || first === '-v' || first === 'version') return { kind: 'version' };
  if (first === 'sql') return parseSqlCommand(rest) ?? { kind: 'help', topic: 'sql' };
  if (first !== 'analyze') {
    throw new UsageError(first.startsWith('-') ? `unknown option '${first}' (see rfm --help)` : `unknown command '${first}' (see rfm --help)`);
  }
  const { values, positionals } = parseOrThrow(rest);
  if (values.help) return { kind: 'help', topic: 'analyze' };
  if (positionals.length === 0) throw new UsageError('analyze needs an input file: rfm analyze <file> [options]');
  if (positionals.length > 1) throw new UsageError(`analyze takes one input file, got ${positionals.length}: ${positionals.join(' ')}`);
  return buildAnalyze(positionals[0], values);
}

/** util.parseArgs, with its multi-line errors cut to one line, in the CLI's style, pointing to the help. */
function parseOrThrow(args: string[]): { values: RawValues; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: ANALYZE_OPTIONS, strict: true, allowPositionals: true });
    return { values: parsed.values as RawValues, positionals: parsed.positionals };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const first = lowerFirst(message.split('\n')[0].replace(/^\w*Error \[\w+\]: /, '').split('. To specify')[0]);
    if (first.includes('ambiguous')) throw new UsageError(`${first} Write a value that starts with '-' as --option=VALUE`);
    throw new UsageError(`${first} (see rfm analyze --help)`);
  }
}

/** Turns validated raw values into an AnalyzeCommand. */
function buildAnalyze(file: string, v: RawValues): AnalyzeCommand {
  if (v.header && v['no-header']) throw new UsageError('--header and --no-header cannot both be given');
  const columns: Partial<Record<ColumnRole, string>> = {};
  for (const [flag, role] of COLUMN_OPTIONS) {
    const name = v[flag];
    if (typeof name === 'string') {
      if (name.trim() === '') throw new UsageError(`--${flag} needs a column name`);
      columns[role] = name;
    }
  }
  const options = buildOptions(v);
  return {
    kind: 'analyze',
    file,
    read: {
      delimiter: v.delimiter === undefined ? undefined : parseDelimiter(v.delimiter),
      header: v.header ? true : v['no-header'] ? false : undefined,
      sheet: v.sheet,
      ...(v.encoding === undefined ? {} : { encoding: parseEncoding(v.encoding) }),
    },
    columns,
    options,
    out: v.out,
    lang: oneOf('lang', v.lang, ['en', 'fa'] as const) ?? 'en',
    quiet: v.quiet === true,
    csvRaw: v['csv-raw'] === true,
    ...listOptions(v),
  };
}

/** `--lists`, `--contact` and `--wallet`, checked. */
function listOptions(v: RawValues): Pick<AnalyzeCommand, 'lists' | 'contacts' | 'wallet'> {
  const out: Pick<AnalyzeCommand, 'lists' | 'contacts' | 'wallet'> = {};
  if (v.lists !== undefined) {
    if (v.lists.trim() === '') throw new UsageError('--lists needs a folder');
    out.lists = v.lists;
  }
  const contacts = v.contact as unknown as string[] | undefined;
  if (contacts !== undefined) {
    if (contacts.some((c) => c.trim() === '')) throw new UsageError('--contact needs a column name');
    out.contacts = contacts;
  }
  if (v.wallet !== undefined) {
    if (v.wallet.trim() === '') throw new UsageError('--wallet needs a column name');
    out.wallet = v.wallet;
  }
  return out;
}

/** `--currency` words and what they mean: a code, or 'none' for no unit. */
const CURRENCY_WORDS = { rial: 'IRR', toman: 'IRT', usd: 'USD', eur: 'EUR', gbp: 'GBP', none: 'none' } as const;

/** `--currency`: absent or `auto` = as the data says; otherwise the named currency (rial ↔ toman converts). */
function currencyOption(value: string | undefined): CurrencyCode | 'none' | undefined {
  const word = oneOf('currency', value, ['auto', ...Object.keys(CURRENCY_WORDS)] as (keyof typeof CURRENCY_WORDS | 'auto')[]);
  return word === undefined || word === 'auto' ? undefined : CURRENCY_WORDS[word];
}

/** The engine options from the raw values (every value checked). */
function buildOptions(v: RawValues): AnalysisOptions {
  const options: AnalysisOptions = {};
  const inputKind = oneOf('input-kind', v['input-kind'], ['transactions', 'customers'] as const);
  if (inputKind) options.inputKind = inputKind as InputKind;
  if (v['analysis-date'] !== undefined) options.analysisDate = dayOption('analysis-date', v['analysis-date']);
  if (v.today !== undefined) options.today = dayOption('today', v.today);
  const currency = currencyOption(v.currency);
  if (currency) options.currency = currency;
  options.zeroAmounts = oneOf('zero-amounts', v['zero-amounts'], ['purchase', 'skip'] as const);
  if (v.bins !== undefined) options.bins = limitedOption('bins', v.bins, BINS_LIMIT);
  options.scoring = oneOf('scoring', v.scoring, ['quantile', 'thresholds'] as const);
  if (v.thresholds !== undefined) {
    options.thresholds = parseThresholds(v.thresholds, options.bins ?? BINS_LIMIT.fallback);
    options.scoring ??= 'thresholds';
  } else if (options.scoring === 'thresholds') {
    throw new UsageError('--scoring thresholds needs --thresholds, e.g. --thresholds "r=30,90,180,365;f=2,3,5,8;m=100,250,500,1000"');
  }
  options.split = oneOf('split', v.split, ['mean', 'median', 'score'] as const);
  options.monetaryBasis = oneOf('monetary-basis', v['monetary-basis'], ['total', 'average'] as const);
  options.dayMonthOrder = oneOf('date-order', v['date-order'], ['dmy', 'mdy'] as const);
  if (v.clusters !== undefined) options.clusters = parseClusters(v.clusters);
  options.model = oneOf('model', v.model, ['auto', 'bgnbd', 'mbgnbd', 'paretonbd', 'off'] as const);
  options.timeUnit = oneOf('time-unit', v['time-unit'], ['days', 'weeks', 'months'] as const);
  if (v['horizon-months'] !== undefined) options.horizonMonths = limitedOption('horizon-months', v['horizon-months'], HORIZON_MONTHS_LIMIT);
  if (v['discount-rate'] !== undefined) options.discountRate = limitedOption('discount-rate', v['discount-rate'], DISCOUNT_RATE_LIMIT);
  if (v.margin !== undefined) options.margin = limitedOption('margin', v.margin, MARGIN_LIMIT);
  if (v['compare-to'] !== undefined) options.compareTo = dayOption('compare-to', v['compare-to']);
  if (v.cohorts) options.cohorts = true;
  if (v['holdout-from'] !== undefined) options.holdoutFrom = dayOption('holdout-from', v['holdout-from']);
  if (v['churn-thresholds'] !== undefined) options.churnThresholds = parseChurnThresholds(v['churn-thresholds']);
  if (v['churn-horizon-days'] !== undefined) options.churnHorizonDays = limitedOption('churn-horizon-days', v['churn-horizon-days'], CHURN_HORIZON_DAYS_LIMIT);
  if (v['no-backtest']) options.backtest = false;
  return dropUndefined(options);
}

/** Removes keys whose value is undefined, so the JSON settings stay tidy. */
function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
