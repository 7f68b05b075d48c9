/**
 * A seeded Persian sales file as an Iranian shop exports it: Persian headers, Jalali dates and
 * amounts in rials written with Persian digits, the Persian thousands separator and the word
 * "ریال"; invoices of tens of millions to a few billion rials, so customers' revenues run into the
 * billions (the case that overflowed columns as `###`). Same seed, same file.
 */
import { seededRandom } from '../../src/engine/clusters/random';
import { toPersianDigits } from '../../src/engine/jalali';

/** The header row: customer, date, amount (rial), invoice number. */
export const RIAL_HEADER = ['کد مشتری', 'تاریخ', 'مبلغ (ریال)', 'شماره فاکتور'];

/** One row of the file: customer, Jalali date, amount text, invoice. */
export type RialRow = [customer: string, date: string, amount: string, invoice: string];

/** `2527200000` → `۲٬۵۲۷٬۲۰۰٬۰۰۰ ریال`. */
function rialText(amount: number): string {
  const grouped = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '٬');
  return `${toPersianDigits(grouped)} ریال`;
}

/**
 * Makes the rows: `customers` customers over the Jalali years 1402–1403, 1 to 12 invoices each.
 * @param customers how many customers (default 60)
 * @param seed random seed
 */
export function rialRows(customers = 60, seed = 1403): RialRow[] {
  const next = seededRandom(seed);
  const rows: RialRow[] = [];
  let invoice = 1000;
  for (let c = 1; c <= customers; c++) {
    const id = toPersianDigits(`م-${String(c).padStart(3, '0')}`);
    const orders = 1 + Math.floor(next() ** 1.5 * 12);
    const firstMonth = Math.floor(next() * 20);
    for (let o = 0; o < orders; o++) {
      const month = Math.min(23, firstMonth + Math.floor(next() * (24 - firstMonth)));
      const year = 1402 + Math.floor(month / 12);
      const day = 1 + Math.floor(next() * 29);
      const date = toPersianDigits(`${year}/${String((month % 12) + 1).padStart(2, '0')}/${String(day).padStart(2, '0')}`);
      // 20 million to 3 billion rials, in whole thousands.
      const amount = Math.round((2e7 + next() ** 2 * 2.98e9) / 1000) * 1000;
      rows.push([id, date, rialText(amount), toPersianDigits(String(invoice++))]);
    }
  }
  return rows;
}

/**
 * The file as CSV text (UTF-8, header first).
 * @param customers how many customers
 * @param seed random seed
 */
export function rialCsv(customers = 60, seed = 1403): string {
  return [RIAL_HEADER, ...rialRows(customers, seed)].map((r) => r.join(',')).join('\n') + '\n';
}
