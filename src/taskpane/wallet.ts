/**
 * Share of wallet in the add-in: when the selected table has a column whose header says it holds
 * the customer's category spend ("Wallet", "Category spend", "کیف پول", …; engine/wallet.ts
 * WALLET_HEADERS), each customer's share is added as the CLI's `--wallet` adds it (the same
 * engine fold and rule: the largest positive number on the customer's rows), and a note gives the
 * total. PRODUCT.md: share of wallet appears when the column for it exists.
 */
import { addShareOfWallet, note, walletByCustomer, walletColumn, type Analysis, type DetectedColumn, type InputTable } from '../engine';

/** A table's wallet column and each customer's wallet in it (walletByCustomer). */
export interface PaneWallet {
  /** The column's header. */
  column: string;
  byCustomer: Map<string, number>;
}

/**
 * The wallets of `table` when it has a wallet column that is not one of the analysis' data
 * columns. O(rows).
 * @param table the table the analysis reads
 * @param columns the analysis' data columns (prepareInput's, as its settings will have them)
 * @returns the column and wallets, or undefined without a wallet column (or a customer column)
 */
export function paneWallet(table: InputTable, columns: readonly DetectedColumn[]): PaneWallet | undefined {
  const customer = columns.find((c) => c.role === 'customer')?.index;
  const index = walletColumn(table.header.map((h) => String(h ?? '')));
  if (customer === undefined || index === undefined || columns.some((c) => c.index === index)) return undefined;
  return { column: String(table.header[index] ?? ''), byCustomer: walletByCustomer(table, customer, index) };
}

/**
 * Adds share of wallet to an analysis when its table had a wallet column (paneWallet); notes the
 * outcome in `analysis.notes`.
 * @param wallet the table's wallets, or undefined (nothing is added)
 * @param analysis the table's analysis (customers gain `wallet` and `shareOfWallet`)
 * @returns whether a wallet column was found
 */
export function addPaneWallet(wallet: PaneWallet | undefined, analysis: Analysis): boolean {
  if (!wallet) return false;
  const { column } = wallet;
  const summary = addShareOfWallet(analysis, wallet.byCustomer);
  const added = summary
    ? note('engine.note.shareOfWallet', { percent: Math.round(summary.share * 1000) / 10, customerCount: summary.customers, column })
    : note('engine.note.walletEmpty', { column });
  analysis.notes = [...(analysis.notes ?? []), added];
  return true;
}
