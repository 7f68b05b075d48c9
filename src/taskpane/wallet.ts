/**
 * Share of wallet in the add-in: when the selected table has a column whose header says it holds
 * the customer's category spend ("Wallet", "Category spend", "کیف پول", …; engine/wallet.ts
 * WALLET_HEADERS), each customer's share is added as the CLI's `--wallet` adds it (the same
 * engine fold and rule: the largest positive number on the customer's rows), and a note gives the
 * total. PRODUCT.md: share of wallet appears when the column for it exists.
 */
import { addShareOfWallet, note, walletByCustomer, walletColumn, type Analysis, type InputTable } from '../engine';

/**
 * Adds share of wallet to an analysis of `table` when the table has a wallet column that is not
 * one of the analysis' data columns; notes the outcome in `analysis.notes`.
 * @param table the table the analysis read
 * @param analysis its analysis (customers gain `wallet` and `shareOfWallet`)
 * @returns whether a wallet column was found
 */
export function addPaneWallet(table: InputTable, analysis: Analysis): boolean {
  const customer = analysis.settings.columns.find((c) => c.role === 'customer')?.index;
  const index = walletColumn(table.header.map((h) => String(h ?? '')));
  if (customer === undefined || index === undefined || analysis.settings.columns.some((c) => c.index === index)) return false;
  const column = String(table.header[index] ?? '');
  const summary = addShareOfWallet(analysis, walletByCustomer(table, customer, index));
  const added = summary
    ? note('engine.note.shareOfWallet', { percent: Math.round(summary.share * 1000) / 10, customerCount: summary.customers, column })
    : note('engine.note.walletEmpty', { column });
  analysis.notes = [...(analysis.notes ?? []), added];
  return true;
}
