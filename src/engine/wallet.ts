/**
 * Share of wallet (SOW): the part of a customer's total spend in the category that was spent with
 * us, from an optional wallet column (the customer's category spend, from a survey or a panel).
 */
import { toLatinDigits } from './cellText';
import { normalizeHeader } from './columnNames';
import { normalizeId } from './numbers';
import { convertAmount } from './currency';
import type { Analysis, Cell, InputTable } from './types';

/** Normalised headers of a wallet column. */
const WALLET_HEADERS = ['wallet', 'walletsize', 'categoryspend', 'totalcategoryspend', 'shareofwalletbase', 'کیفپول', 'کلخریدبازار', 'خریدکلمشتری'];

/**
 * The wallet column: the one the user names (`--wallet`: header name or 1-based number), else one whose header says wallet (the add-in and callers that read the table whole).
 * @param header the table's header
 * @param named the user's column (`--wallet`)
 * @returns its index, or undefined when there is none
 * @throws Error naming a `--wallet` column that does not exist
 */
export function walletColumn(header: readonly string[], named?: string): number | undefined {
  if (named !== undefined) {
    const byNumber = /^\d+$/.test(named) ? Number(named) - 1 : -1;
    const index = byNumber >= 0 && byNumber < header.length ? byNumber : header.findIndex((h) => h === named || normalizeHeader(h) === normalizeHeader(named));
    if (index < 0) throw new Error(`--wallet: no column '${named}' (columns: ${header.join(', ')})`);
    return index;
  }
  const index = header.findIndex((h) => WALLET_HEADERS.includes(normalizeHeader(String(h ?? ''))));
  return index >= 0 ? index : undefined;
}

/**
 * Each customer's wallet: the customer's total spend in the category (from a survey or a panel),
 * repeated on the customer's rows; the largest number given is taken.
 * @param table the input
 * @param customerIndex the customer column
 * @param walletIndex the wallet column
 * @returns id → wallet (customers without a positive number are absent)
 */
export function walletByCustomer(table: InputTable, customerIndex: number, walletIndex: number): Map<string, number> {
  return addWalletRows(new Map(), table.rows, customerIndex, walletIndex);
}

/**
 * Folds rows into each customer's wallet, the rule of walletByCustomer (which is this over a
 * whole table): the largest positive number of the customer's rows. A reader that streams a file
 * calls it batch by batch and gets the same values without keeping the rows.
 * @param into id → wallet so far (changed in place)
 * @param rows the next rows (an absent or empty row is skipped)
 * @param customerIndex the customer column
 * @param walletIndex the wallet column
 * @returns `into`
 * @example addWalletRows(new Map(), [['a', '1,200'], ['a', '900']], 0, 1).get('a') // 1200
 * O(rows).
 */
export function addWalletRows(into: Map<string, number>, rows: readonly (readonly Cell[] | undefined)[], customerIndex: number, walletIndex: number): Map<string, number> {
  for (const row of rows) {
    if (!row) continue;
    const id = normalizeId(row[customerIndex]);
    const cell = row[walletIndex];
    const value = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(toLatinDigits(cell).replace(/[,\s]/g, '')) : NaN;
    if (id === undefined || !(value > 0) || !Number.isFinite(value)) continue;
    into.set(id, Math.max(into.get(id) ?? 0, value));
  }
  return into;
}

/** Share of wallet over a group of customers. */
export interface WalletSummary {
  /** Customers with a wallet. */
  customers: number;
  /** Their revenue with us. */
  revenue: number;
  /** Their wallets summed. */
  wallet: number;
  /** revenue ÷ wallet. */
  share: number;
  /** The same per segment (segments with at least one customer with a wallet, in customer order of first appearance). */
  bySegment: ({ segment: string } & WalletTotals)[];
}

/** Sums over a group of customers with a wallet. */
interface WalletTotals {
  customers: number;
  revenue: number;
  wallet: number;
  share: number;
}

/**
 * Adds each customer's wallet and share of wallet (revenue ÷ wallet) and the total.
 * @param analysis the analysis (its customers gain `wallet` and `shareOfWallet`, null without a wallet)
 * @param wallets id → wallet, in the input's currency (converted as the amounts were: Analysis.amountFactor)
 * @returns the summary over the customers with a wallet, or null when none has one
 */
export function addShareOfWallet(analysis: Analysis, wallets: ReadonlyMap<string, number>): WalletSummary | null {
  const total = { customers: 0, revenue: 0, wallet: 0, share: 0 };
  const segments = new Map<string, WalletTotals>();
  const factor = analysis.amountFactor ?? 1;
  for (const c of analysis.customers) {
    const given = wallets.get(c.id);
    // the wallet is money of the input: in the output's currency, as the revenue it is divided into
    const w = given === undefined ? undefined : convertAmount(given, factor);
    c.wallet = w ?? null;
    c.shareOfWallet = w === undefined ? null : c.revenue / w;
    if (w === undefined) continue;
    let seg = segments.get(c.segment);
    if (!seg) segments.set(c.segment, (seg = { customers: 0, revenue: 0, wallet: 0, share: 0 }));
    for (const t of [total, seg]) {
      t.customers++;
      t.revenue += c.revenue;
      t.wallet += w;
    }
  }
  if (total.customers === 0) {
    analysis.shareOfWallet = null;
    return null;
  }
  const bySegment = [...segments].map(([segment, t]) => ({ segment, ...t, share: t.revenue / t.wallet }));
  const summary: WalletSummary = { ...total, share: total.revenue / total.wallet, bySegment };
  analysis.shareOfWallet = summary;
  return summary;
}
