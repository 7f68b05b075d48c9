/**
 * The engine's data contract: plain data in, plain data out.
 *
 * Everything here is JSON-serialisable so that an Analysis can cross a Web Worker boundary,
 * be written by the CLI as JSON, and be rendered by `report/` without any host API.
 *
 * Dates are day numbers: whole days since 1970-01-01 in the proleptic Gregorian calendar,
 * with no time of day and no time zone (`dayNumber = excelSerial - 25569`).
 *
 * Kept whole (310 lines, mostly field docs): it is the one contract every area builds against.
 */
import type { MigrationResult } from './migration';
import type { CohortRow } from './cohorts';
import type { WalletSummary } from './wallet';

import type { ClusterAnalysis } from './clusters/types';
import type { ClvAnalysis } from './clv/types';

/** Whole days since 1970-01-01 (civil calendar, no time zone). */
export type DayNumber = number;

/** One raw cell as a host hands it over: Excel values, or CSV text. */
export type Cell = string | number | boolean | null | undefined;

/** A rectangular block of input with its header row already separated. */
export interface InputTable {
  /** Header names as written by the user (trimmed by the engine). */
  header: string[];
  /** Data rows; `rows[i]` is the sheet/file row `firstRowNumber + i`. */
  rows: Cell[][];
  /** 1-based row number of `rows[0]` in the user's sheet or file (default 2: after the header). */
  firstRowNumber?: number;
  /**
   * Optional per-column hint from Excel: true where the column's cells carry a date number
   * format, so plain numbers there are Excel serial dates.
   */
  dateFormattedColumns?: boolean[];
  /**
   * Cells in the file's own header row, when it has one: a row with a value beyond them holds more
   * cells than there are columns (e.g. an unquoted thousands separator, `B,2024-01-06,1,000`) and
   * is skipped as 'extra-cells' rather than read one cell short. Absent: not checked.
   */
  headerWidth?: number;
}

/** Which input the rows hold. */
export type InputKind = 'transactions' | 'customers';

/** The roles a column can play. */
export type TransactionRole = 'customer' | 'date' | 'amount' | 'order' | 'quantity' | 'price' | 'cost';
export type CustomerRole = 'customer' | 'recencyDays' | 'lastPurchase' | 'frequency' | 'monetary';
export type ColumnRole = TransactionRole | CustomerRole;

/** Column index (0-based) per role; a role that is absent is not used. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

/** How a column was chosen, for the pane and the JSON settings. */
export interface DetectedColumn {
  role: ColumnRole;
  index: number;
  header: string;
  /** 'override' = the user named it; 'header' = matched by name; 'values' = inferred from values. */
  source: 'override' | 'header' | 'values';
  /** Why this column when the choice was not obvious, e.g. which of duplicate headers was used. */
  note?: string;
}

/** Order of day and month in slash/dot/dash dates such as 03/04/2020. */
export type DayMonthOrder = 'dmy' | 'mdy';

/** How each dimension's score is made. */
export type ScoringMethod = 'quantile' | 'thresholds';

/** User cut points per dimension for `thresholds` scoring (ascending, bins - 1 values each). */
export interface Thresholds {
  length?: number[];
  recency?: number[];
  frequency?: number[];
  monetary?: number[];
}

/** The rule used to call a metric "high" in the value and loyalty matrices. */
export type SplitRule = 'mean' | 'median' | 'score';

/** One row of the ordered segment rule table: inclusive score ranges; first match wins. */
export interface SegmentRule {
  name: string;
  recency: [number, number];
  frequency: [number, number];
  monetary: [number, number];
  /** Recommended action, English. */
  actionEn: string;
  /** Recommended action, Persian. */
  actionFa: string;
  /** Persian display name (optional for user rules). */
  nameFa?: string;
  /** Campaign message templates ({name}, {segment}, {customer}), English and Persian (optional). */
  messageEn?: string;
  messageFa?: string;
}

/** Everything the user can set; every field has a default. */
export interface AnalysisOptions {
  inputKind?: InputKind;
  /** Column overrides by index or by header name; the rest is detected. */
  columns?: Partial<Record<ColumnRole, number | string>>;
  /**
   * Rows dated on or after it are not used by any part (reported as `after-analysis-date`). Default:
   * the day after the latest transaction dated on or before `today` (customer-level input: the day
   * after the latest last purchase).
   */
  analysisDate?: DayNumber;
  /**
   * The day the analysis runs (default: the current local date). With no analysis date, rows dated
   * after it are not used (reported as `future-date`), so a placeholder such as 9999-12-31 cannot
   * move the analysis date. Injectable so that runs and tests are deterministic.
   */
  today?: DayNumber;
  /** What a zero-amount line is: 'purchase' (default; free items count) or 'skip'. A zero line with a negative quantity is a return either way. */
  zeroAmounts?: 'purchase' | 'skip';
  /** 2..10, default 5. */
  bins?: number;
  scoring?: ScoringMethod;
  thresholds?: Thresholds;
  /** 'total' (default) = net revenue; 'average' = average order value. */
  monetaryBasis?: 'total' | 'average';
  split?: SplitRule;
  /** For ambiguous day/month dates when the data cannot decide. */
  dayMonthOrder?: DayMonthOrder;
  /** Default: the rfm package's table. */
  segmentRules?: SegmentRule[];
  /** Issue 5. Clusters: a fixed k (2..8), 'auto' (silhouette) or 'off'. Default 'auto'. */
  clusters?: number | 'auto' | 'off';
  /** Purchase model; default 'auto' (the best-fitting of the three, see clv/modelFit.ts). 'off' skips CLV and churn. */
  model?: 'auto' | 'bgnbd' | 'mbgnbd' | 'paretonbd' | 'off';
  /** Issue 5. Time unit of the purchase model; default 'weeks'. */
  timeUnit?: 'days' | 'weeks' | 'months';
  /** Issue 5. CLV horizon in months; default 12. */
  horizonMonths?: number;
  /** Issue 5. Monthly discount rate; default 0.01. */
  discountRate?: number;
  /** Issue 5. Profit margin 0..1 applied to spend when no cost column exists. */
  margin?: number;
  /** Issue 14. Segment migration: also score the lines dated before this day and compare. */
  compareTo?: DayNumber;
  /** Issue 14. Cohort retention by month of first purchase. */
  cohorts?: boolean;
  /** Issue 5. Fit on data before this day and compare predictions over the rest. */
  holdoutFrom?: DayNumber;
  /** Issue 10. Days ahead for P(no purchase), churn status and the backtest's holdout; default 90. */
  churnHorizonDays?: number;
  /** Issue 10. false turns the backtest scorecard off; by default it runs when the history is long enough. */
  backtest?: boolean;
  /**
   * The currency of the output's money: a code (rials asked for in tomans are divided by 10, and
   * tomans in rials multiplied; other codes only name the unit), 'none' for no unit. Default: the
   * one the amount header or amounts name (engine/currency.ts).
   */
  currency?: CurrencyCode | 'none';
  /** Thresholds on P(a purchase within the churn horizon) = 1 − p_no_purchase: >= active is Active, < churned is Churned, between is At risk. */
  churnThresholds?: { active: number; churned: number };
}

/** One row of customer-level input after normalisation (as R's rfm_table_customer takes it). */
export interface CustomerInput {
  customerId: string;
  /** Days since the last purchase, if given directly. */
  recencyDays?: number;
  /** Day of the last purchase, if given instead of recency. */
  lastPurchase?: DayNumber;
  frequency: number;
  monetary: number;
  rowNumber: number;
  /** Day of the first purchase, when the input has it (the table of `rfm sql`): gives the length. */
  firstPurchase?: DayNumber;
  /** The purchase-model summary in days, when the input has it (see engine/customerSummary.ts). */
  history?: CustomerHistory;
}

/** One customer's purchase history as the models take it, in days (engine/clv/summary.ts). */
export interface CustomerHistory {
  /** Distinct purchase days after the first. */
  x: number;
  /** Days from the first to the last purchase day (t_x). */
  spanDays: number;
  /** Days from the first purchase to the last day before the analysis date (T). */
  ageDays: number;
  /** Mean net spend per repeat purchase day; 0 when x = 0. */
  meanRepeatSpend: number;
}

/** The options after defaults and detection: what the analysis actually used. */
export interface ResolvedSettings {
  inputKind: InputKind;
  columns: DetectedColumn[];
  analysisDate: DayNumber;
  bins: number;
  scoring: ScoringMethod;
  thresholds?: Thresholds;
  monetaryBasis: 'total' | 'average';
  split: SplitRule;
  dayMonthOrder?: DayMonthOrder;
  segmentRules: SegmentRule[];
  /** What zero-amount lines were (transactions only). */
  zeroAmounts?: 'purchase' | 'skip';
}

/** One usable transaction row after normalisation. */
export interface Transaction {
  customerId: string;
  day: DayNumber;
  /** Positive or zero = purchase (see isPurchase), negative = return. */
  amount: number;
  /** Set only on a zero-amount line with a negative quantity: a return the amount's sign cannot show. */
  isReturn?: true;
  /** Order/invoice id; undefined when there is no order column (each row is an order). */
  orderId?: string;
  /** Optional cost of the line, when a cost column is mapped. */
  cost?: number;
  /** 1-based row number in the source. */
  rowNumber: number;
}

/** Why a row was not used. */
export type SkipReason =
  | 'missing-customer'
  | 'bad-date'
  | 'missing-date'
  | 'bad-amount'
  | 'missing-amount'
  | 'zero-amount'
  | 'bad-number'
  | 'error-cell'
  /** Dated on or after the analysis date: outside the analysis window. */
  | 'after-analysis-date'
  /** No analysis date given and dated after the day the analysis runs (e.g. a 9999-12-31 placeholder). */
  | 'future-date'

  /** More cells than the header row (see InputTable.headerWidth). */
  | 'extra-cells';

/** The skipped-row report: counts per reason and the first ten examples. */
export interface SkippedReport {
  total: number;
  byReason: Partial<Record<SkipReason, number>>;
  /** At most ten, in row order. */
  examples: { rowNumber: number; reason: SkipReason; detail: string; key?: string; params?: Record<string, string | number> }[];
  /** Customers who only returned goods: reported, not scored. */
  returnsOnlyCustomers: { count: number; examples: string[] };
}

/** Quadrants of the value matrix (frequency x monetary). */
export type ValueQuadrant = 'Best' | 'High-spending' | 'Frequent' | 'Uncertain';
/** Quadrants of the loyalty matrix (length x recency). */
export type LoyaltyQuadrant = 'Loyal' | 'Potential' | 'New' | 'Uncertain';

/** One scored customer. Fields customer-level input cannot give are null. */
export interface CustomerResult {
  id: string;
  firstPurchase: DayNumber | null;
  lastPurchase: DayNumber | null;
  lengthDays: number | null;
  recencyDays: number;
  frequency: number;
  /** Net revenue, or average order value when monetaryBasis = 'average'. */
  monetary: number;
  /** Net revenue always (for revenue shares). */
  revenue: number;
  averageOrderValue: number;
  lengthScore: number | null;
  recencyScore: number;
  frequencyScore: number;
  monetaryScore: number;
  /** 100*R + 10*F + M. */
  rfmCode: number;
  segment: string;
  valueQuadrant: ValueQuadrant;
  loyaltyQuadrant: LoyaltyQuadrant | null;
  /** Issue 5 (clusters, CLV, churn): absent until those stages run. */
  cluster?: number | null;
  pAlive?: number | null;
  expectedPurchases30d?: number | null;
  expectedPurchases90d?: number | null;
  expectedAverageSpend?: number | null;
  clv?: number | null;
  churnStatus?: ChurnStatus | null;
  /** Issue 14: the segment at the earlier date of `compareTo` (null: not yet a customer then). */
  previousSegment?: string | null;
  /** Issue 14: the customer's category spend from a wallet column, and revenue ÷ wallet. */
  wallet?: number | null;
  shareOfWallet?: number | null;
  /** P(no purchase within the churn horizon). */
  pNoPurchase?: number | null;
  /** Day by which a purchase is more likely than not; null when none is expected within two years. */
  expectedNextPurchase?: DayNumber | null;
  /** Why the churn status, in plain words (English text; key and params for other languages). */
  churnReason?: Note | null;
}

/** Churn status from P(a purchase within the churn horizon). */
export type ChurnStatus = 'Active' | 'At risk' | 'Churned';

/** Per-segment summary row. */
export interface SegmentSummary {
  segment: string;
  customers: number;
  /** Share of customers, 0..1. */
  share: number;
  revenue: number;
  /** Share of revenue, 0..1. */
  revenueShare: number;
  meanRecencyDays: number;
  meanFrequency: number;
  meanMonetary: number;
}

/** Per-quadrant summary row. */
export interface QuadrantSummary<Q extends string> {
  quadrant: Q;
  customers: number;
  share: number;
  revenue: number;
  revenueShare: number;
}

/** The R x F grid: counts and mean monetary; index [r-1][f-1]. */
export interface RfGrid {
  bins: number;
  count: number[][];
  /** null where the cell is empty. */
  meanMonetary: (number | null)[][];
}

/** Headline figures. */
export interface Totals {
  customers: number;
  transactionsUsed: number;
  /** Sum of frequency over customers (orders). */
  orders: number;
  revenue: number;
  firstDay: DayNumber | null;
  lastDay: DayNumber | null;
}

/** The whole result of one analysis: plain data. */
export interface Analysis {
  settings: ResolvedSettings;
  totals: Totals;
  customers: CustomerResult[];
  segments: SegmentSummary[];
  valueQuadrants: QuadrantSummary<ValueQuadrant>[];
  loyaltyQuadrants: QuadrantSummary<LoyaltyQuadrant>[];
  /** The split values used for the matrices (in the metric's units). */
  splits: { frequency: number; monetary: number; lengthDays: number | null; recencyDays: number };
  grid: RfGrid;
  skipped: SkippedReport;
  /** Issue 5: cluster profiles, model fits and churn answers; absent until those stages run. */
  clusters?: ClusterAnalysis;
  clv?: ClvAnalysis;
  /** What the user should know about how the input was read (day/month order, mixed dates, duplicate headers). */
  notes?: Note[];
  /** Issue 14: segment migration since `compareTo`, when asked for. */
  migration?: MigrationResult;
  /** Issue 14: cohort retention by Gregorian month of first purchase (`YYYY-MM`), when asked for. */
  cohorts?: CohortRow[];
  /** Issue 14: the same by Jalali month (`YYYY-MM` of the Solar Hijri calendar), for Persian output. */
  cohortsJalali?: CohortRow[];
  /** Issue 14: share of wallet over the customers with a wallet column value. */
  shareOfWallet?: WalletSummary | null;
  /** The currency the data names in its amount header or amounts (engine/currency.ts); absent when it does not say. */
  currency?: CurrencyCode;
  /**
   * What the input's amounts were multiplied by to be in the output's currency (0.1 for rials
   * shown in tomans, 10 the other way); absent when 1. Other money read later from the input (a
   * wallet column) is converted by it too.
   */
  amountFactor?: number;
}

/** Currencies the workbook can name in its money formats (rial, toman, dollar, euro, pound). */
export type CurrencyCode = 'IRR' | 'IRT' | 'USD' | 'EUR' | 'GBP';

/** A note for the user: a key of the string tables, its placeholder values and the English text. */
export interface Note {
  key: string;
  params?: Record<string, string | number>;
  text: string;
}

/** Progress callback: fraction 0..1 and a short stage name. */
export type ProgressFn = (fraction: number, stage: string) => void;

/**
 * An error the user can act on: the message names the row or column. `message` is English;
 * `key` and `params` (when set) give the same message from the string tables in any language
 * (see messageIn in src/i18n).
 */
export class InputError extends Error {
  readonly key?: string;
  readonly params?: Record<string, string | number>;
  constructor(message: string, key?: string, params?: Record<string, string | number>) {
    super(message);
    this.name = 'InputError';
    if (key !== undefined) this.key = key;
    if (params !== undefined) this.params = params;
  }
}
