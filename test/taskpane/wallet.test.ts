/**
 * Share of wallet in the add-in (src/taskpane/wallet.ts): a table with a wallet column, by its
 * English or Persian header, gets each customer's share and a note with the total, through the
 * worker as the pane runs it. Expected shares are computed here by hand from the rows.
 */
import { handleMessage } from '../../src/taskpane/worker';
import type { FromWorker } from '../../src/taskpane/protocol';
import { packTable } from '../../src/excel/packedTable';
import { messageIn } from '../../src/i18n';
import type { Analysis, InputTable } from '../../src/engine/types';

/** Excel serial of 2024-01-01 plus n days. */
const day = (n: number) => 45292 + n;

function analysisOf(table: InputTable, currency?: 'IRT'): Analysis {
  const out: FromWorker[] = [];
  handleMessage({ type: 'run', table: packTable(table), options: { analysisDate: 19_740, model: 'off', clusters: 'off', ...(currency ? { currency } : {}) }, lang: 'en' }, (m) => out.push(m));
  const made = out.find((m) => m.type === 'analysis');
  if (!made || made.type !== 'analysis') throw new Error(JSON.stringify(out[out.length - 1]));
  return made.analysis;
}

describe('share of wallet in the pane', () => {
  // a: 10 + 20 = 30 of a wallet of 120 (the larger of 100 and 120) → 25%; b: 30 of 60 → 50%; c: no wallet
  const rows = [['a', day(0), 10, 100], ['b', day(2), 30, 60], ['a', day(5), 20, 120], ['c', day(6), 5, '']];

  it('adds each share and the total from a "Wallet" column', () => {
    const analysis = analysisOf({ header: ['Customer', 'Date', 'Amount', 'Wallet'], rows, dateFormattedColumns: [false, true, false, false] });
    const share = Object.fromEntries(analysis.customers.map((c) => [c.id, c.shareOfWallet]));
    expect(share).toEqual({ a: 0.25, b: 0.5, c: null });
    // over the two customers with a wallet: (30 + 30) / (120 + 60) = 33.3%
    expect(analysis.shareOfWallet?.share).toBeCloseTo(60 / 180, 12);
    const text = (analysis.notes ?? []).find((n) => n.key === 'engine.note.shareOfWallet');
    expect(text?.text).toBe('Share of wallet: we have 33.3% of the category spend of the 2 customers with a value in the "Wallet" column (the share_of_wallet column of the Customers sheet gives each one).');
    expect(messageIn(text ?? { key: '', text: '' }, 'fa')).toContain('۳۳٫۳');
  });

  it('finds a Persian header too, and says so when the column holds no positive number', () => {
    const persian = analysisOf({ header: ['Customer', 'Date', 'Amount', 'کیف پول'], rows, dateFormattedColumns: [false, true, false, false] });
    expect(persian.customers.find((c) => c.id === 'b')?.shareOfWallet).toBe(0.5);
    const empty = analysisOf({ header: ['Customer', 'Date', 'Amount', 'Wallet'], rows: rows.map((r) => [...r.slice(0, 3), 0]), dateFormattedColumns: [false, true, false, false] });
    expect(empty.customers.every((c) => c.shareOfWallet === null)).toBe(true);
    expect((empty.notes ?? []).map((n) => n.key)).toContain('engine.note.walletEmpty');
  });

  it('converts the wallet as the amounts are: rials shown in tomans keep the same shares', () => {
    // amounts in rials, shown in tomans (÷ 10): a's revenue 3 tomans of a wallet of 12 tomans is still 25%
    const rial = analysisOf({ header: ['Customer', 'Date', 'Amount (rial)', 'Wallet'], rows, dateFormattedColumns: [false, true, false, false] }, 'IRT');
    const a = rial.customers.find((c) => c.id === 'a');
    expect(a?.revenue).toBeCloseTo(3, 12);
    expect(a?.wallet).toBeCloseTo(12, 12);
    expect(a?.shareOfWallet).toBeCloseTo(0.25, 12);
  });

  it('adds nothing without a wallet column', () => {
    const plain = analysisOf({ header: ['Customer', 'Date', 'Amount'], rows: rows.map((r) => r.slice(0, 3)), dateFormattedColumns: [false, true, false] });
    expect(plain.shareOfWallet).toBeUndefined();
    expect((plain.notes ?? []).some((n) => n.key.startsWith('engine.note.wallet') || n.key === 'engine.note.shareOfWallet')).toBe(false);
  });
});
