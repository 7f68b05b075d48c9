/**
 * What `--wallet` and `--lists` take from the input's other columns: each customer's wallet and
 * contact values, folded row by row with the engine's rules (addWalletRows, addContactRows). A
 * streamed file is folded batch by batch as it is read, so no row is kept; a table read whole
 * goes through the same fold, so both give the same values.
 */
import { addContactRows, addWalletRows, contactColumns, walletColumn, type Cell, type DetectedColumn, type InputTable } from '../engine';
import type { CampaignContacts } from '../report/campaignList';
import type { AnalyzeCommand } from './args';
import { UsageError } from './optionValues';

/** The options that ask for other columns. */
export type ExtraOptions = Pick<AnalyzeCommand, 'wallet' | 'lists' | 'contacts'>;

/** The wallet column's header and each customer's wallet. */
export interface WalletValues {
  header: string;
  byCustomer: Map<string, number>;
}

/** What a run took from the other columns. */
export interface ExtraColumns {
  /** With `--wallet`, when the column is not one of the analysis' data columns. */
  wallet?: WalletValues;
  /** With `--lists`: the contact columns and each customer's values. */
  contacts?: CampaignContacts;
}

/** Folds rows into the values `--wallet` and `--lists` need. */
export class ExtraColumnsFold {
  /** The columns the fold reads (a streaming reader keeps their cells). */
  readonly columns: number[] = [];
  private readonly customer: number | undefined;
  private wallet: (WalletValues & { index: number }) | undefined;
  private contacts: (CampaignContacts & { byCustomer: Map<string, string[]> }) | undefined;
  /** A bad `--wallet`, `--lists` or `--contact`, thrown by result(): after the analysis, as always. */
  private readonly errors: UsageError[] = [];

  /**
   * @param header the input's header
   * @param dataColumns the analysis' columns (customer, date, amount…): never a wallet or contacts
   * @param options `--wallet`, `--lists` and `--contact` as given
   */
  constructor(header: readonly string[], dataColumns: readonly DetectedColumn[], options: ExtraOptions) {
    this.customer = dataColumns.find((c) => c.role === 'customer')?.index;
    const used = new Set(dataColumns.map((c) => c.index));
    const names = header.map(String);
    if (options.wallet !== undefined) this.openWallet(names, used, options.wallet);
    if (options.lists !== undefined) this.openContacts(names, used, options.contacts);
  }

  /**
   * Folds the next rows, in file order.
   * @param rows the rows (cells of columns the fold does not read may be empty)
   */
  add(rows: readonly Cell[][]): void {
    if (this.customer === undefined) return;
    if (this.wallet) addWalletRows(this.wallet.byCustomer, rows, this.customer, this.wallet.index);
    if (this.contacts) addContactRows(this.contacts.byCustomer, rows, this.customer, this.contacts.columns);
  }

  /**
   * The values folded.
   * @returns the wallet and contacts, as asked
   * @throws UsageError for a `--wallet` or `--contact` that names no column, or `--lists` without a customer column
   */
  result(): ExtraColumns {
    if (this.errors.length > 0) throw this.errors[0];
    const out: ExtraColumns = {};
    if (this.wallet) out.wallet = { header: this.wallet.header, byCustomer: this.wallet.byCustomer };
    if (this.contacts) out.contacts = { columns: this.contacts.columns, byCustomer: this.contacts.byCustomer };
    return out;
  }

  /** The wallet column, unless it is a data column or there is no customer column (then no wallet). */
  private openWallet(header: string[], used: ReadonlySet<number>, named: string): void {
    const index = resolving(() => walletColumn(header, named), this.errors);
    if (index === undefined || this.customer === undefined || used.has(index)) return;
    this.wallet = { index, header: header[index], byCustomer: new Map() };
    this.columns.push(index);
  }

  /** The contact columns: named by `--contact`, else found by their headers. */
  private openContacts(header: string[], used: ReadonlySet<number>, named: string[] | undefined): void {
    if (this.customer === undefined) {
      this.errors.push(new UsageError('--lists needs transaction or customer input with a customer column'));
      return;
    }
    const columns = resolving(() => contactColumns(header, used, named), this.errors);
    if (columns === undefined) return;
    this.contacts = { columns, byCustomer: new Map() };
    this.columns.push(...columns.map((c) => c.index));
  }
}

/** Runs a column look-up; its error becomes a UsageError kept for later. */
function resolving<T>(lookUp: () => T, errors: UsageError[]): T | undefined {
  try {
    return lookUp();
  } catch (err) {
    errors.push(new UsageError((err as Error).message));
    return undefined;
  }
}

/**
 * The values `--wallet` and `--lists` need, from a table read whole (the same fold as a stream).
 * @param table the input
 * @param dataColumns the analysis' columns (analysis.settings.columns)
 * @param options `--wallet`, `--lists` and `--contact`
 * @returns the wallet and contacts, as asked
 * @throws UsageError as ExtraColumnsFold.result
 */
export function extraColumnsOfTable(table: InputTable, dataColumns: readonly DetectedColumn[], options: ExtraOptions): ExtraColumns {
  const fold = new ExtraColumnsFold(table.header, dataColumns, options);
  fold.add(table.rows);
  return fold.result();
}
