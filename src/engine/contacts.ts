/**
 * Contact columns for campaign lists: email, mobile/phone and name columns found by their headers
 * (English and Persian) or named by the user, one value per customer (the first non-blank one),
 * and Iranian mobile numbers written one way (09xxxxxxxxx) so an SMS tool takes them.
 */
import { normalizeHeader } from './columnNames';
import { toLatinDigits } from './cellText';
import { normalizeId } from './numbers';
import type { Cell, InputTable } from './types';

/** What a contact column holds. */
export type ContactKind = 'email' | 'mobile' | 'phone' | 'name';

/** A contact column of the input. */
export interface ContactColumn {
  index: number;
  header: string;
  kind: ContactKind;
}

/** Normalised headers (see normalizeHeader) that name each kind, exact or as a part. */
const CONTACT_HEADERS: Record<ContactKind, { exact: string[]; contains: string[] }> = {
  email: { exact: ['email', 'emailaddress', 'mail', 'ایمیل', 'پستالکترونیک', 'پستالکترونیکی', 'رایانامه'], contains: ['email', 'ایمیل'] },
  mobile: { exact: ['mobile', 'mobilenumber', 'mobileno', 'cell', 'cellphone', 'موبایل', 'شمارهموبایل', 'تلفنهمراه', 'همراه', 'شمارههمراه'], contains: ['mobile', 'cellphone', 'موبایل', 'همراه'] },
  phone: { exact: ['phone', 'phonenumber', 'telephone', 'tel', 'تلفن', 'شمارهتلفن', 'شمارهتماس'], contains: ['phone', 'تلفن', 'تماس'] },
  name: { exact: ['name', 'customername', 'fullname', 'firstname', 'lastname', 'surname', 'نام', 'نامخانوادگی', 'نامونامخانوادگی', 'ناممشتری'], contains: ['name', 'نام'] },
};

/** Kinds in the order a header is tried (mobile before phone: "mobile phone" is a mobile). */
const KIND_ORDER: ContactKind[] = ['email', 'mobile', 'phone', 'name'];

/**
 * The contact columns of a table: the user's names when given (header name or 1-based number),
 * else every column whose header names an email, mobile, phone or name, in column order.
 * @param header the table's header
 * @param skip column indexes already used as data (customer, date, amount…): never contacts
 * @param named the user's column names (`--contact`), each resolved against the header
 * @returns the columns with their kind
 * @throws Error naming a `--contact` column that does not exist
 */
export function contactColumns(header: readonly string[], skip: ReadonlySet<number>, named?: readonly string[]): ContactColumn[] {
  const kindOf = (h: string): ContactKind | undefined => {
    const n = normalizeHeader(h);
    return KIND_ORDER.find((k) => CONTACT_HEADERS[k].exact.includes(n)) ?? KIND_ORDER.find((k) => CONTACT_HEADERS[k].contains.some((c) => n.includes(c)));
  };
  if (named && named.length > 0) {
    return named.map((name) => {
      const byNumber = /^\d+$/.test(name) ? Number(name) - 1 : -1;
      const index = byNumber >= 0 && byNumber < header.length ? byNumber : header.findIndex((h) => h === name || normalizeHeader(h) === normalizeHeader(name));
      if (index < 0) throw new Error(`--contact: no column '${name}' (columns: ${header.join(', ')})`);
      return { index, header: header[index], kind: kindOf(header[index]) ?? 'name' };
    });
  }
  const out: ContactColumn[] = [];
  header.forEach((h, index) => {
    if (skip.has(index)) return;
    const kind = kindOf(String(h ?? ''));
    if (kind) out.push({ index, header: h, kind });
  });
  return out;
}

/** A cell as contact text: trimmed, numbers written without decimals or exponent, blank → ''. */
function contactText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
}

/**
 * Each customer's contact values: per column, the first non-blank value of the customer's rows.
 * @param table the input
 * @param customerIndex the customer column
 * @param columns the contact columns
 * @returns id → one value per column ('' when the customer has none)
 */
export function contactsByCustomer(table: InputTable, customerIndex: number, columns: readonly ContactColumn[]): Map<string, string[]> {
  return addContactRows(new Map(), table.rows, customerIndex, columns);
}

/**
 * Folds rows into each customer's contact values, the rule of contactsByCustomer (which is this
 * over a whole table): a reader that streams a file calls it batch by batch, in file order, and
 * gets the same values without keeping the rows.
 * @param into id → values so far (changed in place)
 * @param rows the next rows, in file order (an absent or empty row is skipped)
 * @param customerIndex the customer column
 * @param columns the contact columns
 * @returns `into`
 * @example addContactRows(new Map(), [['a', ''], ['a', 'a@x.ir']], 0, [{ index: 1, header: 'email', kind: 'email' }]).get('a') // ['a@x.ir']
 * O(rows × columns).
 */
export function addContactRows(into: Map<string, string[]>, rows: readonly (readonly Cell[] | undefined)[], customerIndex: number, columns: readonly ContactColumn[]): Map<string, string[]> {
  // without contact columns every customer's values would be [], what campaign lists assume of a customer not in the map
  if (columns.length === 0) return into;
  for (const row of rows) {
    if (!row) continue;
    const id = normalizeId(row[customerIndex]);
    if (id === undefined) continue;
    let values = into.get(id);
    if (!values) into.set(id, (values = columns.map(() => '')));
    for (let k = 0; k < columns.length; k++) if (values[k] === '') values[k] = contactText(row[columns[k].index]);
  }
  return into;
}

/** What normalising a mobile number gave. */
export type MobileResult = { ok: true; value: string } | { ok: false; value: string };

/**
 * An Iranian mobile number as 09xxxxxxxxx. Accepts +98 9…, 0098 9…, 98 9…, 09…, 9… (10 digits),
 * with spaces, dashes, dots or brackets and Persian or Arabic-Indic digits. A number written with
 * another country code (+44…) is kept as written. Anything else is reported as invalid.
 * @param text the cell's text
 * @returns { ok: true, value } normalised, or { ok: false, value: the text as given }
 * @example normalizeIranianMobile('+98 912 345 6789') // { ok: true, value: '09123456789' }
 * @example normalizeIranianMobile('۰۹۱۲۳۴۵۶۷۸۹') // { ok: true, value: '09123456789' }
 */
export function normalizeIranianMobile(text: string): MobileResult {
  const given = text.trim();
  const compact = toLatinDigits(given).replace(/[\s\-.()\u200c\u200f\u200e]/g, '');
  const iranian = /^(?:\+98|0098|98|0)?(9\d{9})$/.exec(compact);
  if (iranian) return { ok: true, value: `0${iranian[1]}` };
  if (/^(?:\+|00)(?!98)\d{7,15}$/.test(compact)) return { ok: true, value: compact.startsWith('00') ? `+${compact.slice(2)}` : compact };
  return { ok: false, value: given };
}
