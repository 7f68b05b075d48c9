/**
 * Column detection: which column plays which role, from the user's overrides (always first),
 * then header names in English and Persian, then the values. Missing required roles are an
 * InputError naming the role and the headers seen.
 */
import type { Cell, ColumnMapping, ColumnRole, DetectedColumn, InputKind, InputTable } from './types';
import type { Note } from './types';
import { inputError, note } from './messages';
import type { MessageParams } from '../i18n';
import { CUSTOMER_ROLES, KEYWORD_PRIORITY, TRANSACTION_ROLES, headerScore, normalizeHeader } from './columnNames';
import { columnLetter, isBlankCell } from './cellText';
import { classifyDateCell } from './dates';
import { makeNumberParser } from './numbers';

export { normalizeHeader } from './columnNames';

/** Rows looked at when inferring a role from values. */
export const SAMPLE_ROWS = 500;
/** Share of a column's non-empty sampled cells that must fit a role. */
const FIT_SHARE = 0.8;

function headerAt(table: InputTable, index: number): string {
  const h = table.header[index];
  return h === undefined || h === null ? '' : String(h).trim();
}

/** The headers as a message parameter (`headers`), for "Columns seen: …". */
function headersSeen(table: InputTable): MessageParams {
  if (table.header.length === 0) return { headersKey: 'input.error.noHeaders' };
  return { headers: table.header.map((_, i) => JSON.stringify(headerAt(table, i))).join(', ') };
}

/**
 * The note when other columns' headers read the same as this one's: which one was used.
 * @param table the input
 * @param index the column used
 * @returns the note, or undefined when the header is unique
 */
export function duplicateHeaderNote(table: InputTable, index: number): Note | undefined {
  const key = normalizeHeader(headerAt(table, index));
  if (key === '') return undefined;
  const same: number[] = [];
  for (let i = 0; i < table.header.length; i++) if (normalizeHeader(headerAt(table, i)) === key) same.push(i);
  if (same.length < 2) return undefined;
  const where = same.map((i) => `${i + 1} (${columnLetter(i)})`).join(', ');
  return note('input.note.duplicateHeader', {
    count: same.length, header: JSON.stringify(headerAt(table, index)), columns: where, column: `${index + 1} (${columnLetter(index)})`,
  });
}

/** Column index an override refers to; InputError when it names nothing. */
function resolveOverride(table: InputTable, role: ColumnRole, ref: number | string): number {
  const count = table.header.length;
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < count) return ref;
    throw inputError('input.error.overrideIndex', { roleKey: `input.roleName.${role}`, column: ref + 1, count });
  }
  const wanted = ref.trim();
  for (let i = 0; i < count; i++) if (headerAt(table, i) === wanted) return i;
  const key = normalizeHeader(wanted);
  for (let i = 0; i < count; i++) if (key !== '' && normalizeHeader(headerAt(table, i)) === key) return i;
  throw inputError('input.error.overrideName', { roleKey: `input.roleName.${role}`, name: JSON.stringify(ref), ...headersSeen(table) });
}

/** Roles of an input kind. */
export function rolesOf(kind: InputKind): ColumnRole[] {
  return kind === 'customers' ? CUSTOMER_ROLES : TRANSACTION_ROLES;
}

/**
 * Decides which column plays each role.
 * @param table the input (header + rows)
 * @param kind transactions or customer-level input
 * @param overrides role → column index (0-based) or header name; always wins
 * @returns one entry per role found, in role order; `note` explains duplicate headers
 * @throws InputError when an override names no column, or a required role cannot be found
 * @example detectColumns({ header: ['CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice'], rows: [] }, 'transactions')
 */
export function detectColumns(
  table: InputTable,
  kind: InputKind,
  overrides: Partial<Record<ColumnRole, number | string>> = {},
): DetectedColumn[] {
  const roles = rolesOf(kind);
  const found = new Map<ColumnRole, DetectedColumn>();
  const used = new Set<number>();
  const add = (role: ColumnRole, index: number, source: DetectedColumn['source']): void => {
    const column: DetectedColumn = { role, index, header: headerAt(table, index), source };
    const duplicate = duplicateHeaderNote(table, index);
    if (duplicate) column.note = duplicate.text;
    found.set(role, column);
    used.add(index);
  };
  for (const role of roles) {
    const ref = overrides[role];
    if (ref !== undefined && ref !== null && ref !== '') add(role, resolveOverride(table, role, ref), 'override');
  }
  for (const [role, index] of matchHeaders(table, roles, found, used)) add(role, index, 'header');
  for (const [role, index] of inferFromValues(table, kind, found, used)) add(role, index, 'values');
  checkRequired(table, kind, found);
  return roles.filter((r) => found.has(r)).map((r) => found.get(r) as DetectedColumn);
}

/** Header matches for roles still free: best score first, then the leftmost column. */
function matchHeaders(
  table: InputTable,
  roles: ColumnRole[],
  found: Map<ColumnRole, DetectedColumn>,
  used: Set<number>,
): [ColumnRole, number][] {
  const candidates: { score: number; index: number; priority: number; role: ColumnRole }[] = [];
  for (let index = 0; index < table.header.length; index++) {
    if (used.has(index)) continue;
    const key = normalizeHeader(headerAt(table, index));
    for (const role of roles) {
      if (found.has(role)) continue;
      const score = headerScore(key, role);
      if (score > 0) candidates.push({ score, index, priority: KEYWORD_PRIORITY.indexOf(role), role });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.index - b.index || a.priority - b.priority);
  const takenRoles = new Set<ColumnRole>();
  const takenColumns = new Set<number>();
  const out: [ColumnRole, number][] = [];
  for (const c of candidates) {
    if (takenRoles.has(c.role) || takenColumns.has(c.index)) continue;
    takenRoles.add(c.role);
    takenColumns.add(c.index);
    out.push([c.role, c.index]);
  }
  return out;
}

/** What a column's sampled values look like. */
interface ValueProfile {
  nonEmpty: number;
  dates: number;
  numbers: number;
  fractions: number;
}

function profileColumn(table: InputTable, index: number): ValueProfile {
  const parseNumber = makeNumberParser();
  const serialsAreDates = table.dateFormattedColumns?.[index] === true;
  const p: ValueProfile = { nonEmpty: 0, dates: 0, numbers: 0, fractions: 0 };
  const n = Math.min(table.rows.length, SAMPLE_ROWS);
  for (let r = 0; r < n; r++) {
    const cell: Cell = table.rows[r]?.[index];
    if (isBlankCell(cell)) continue;
    p.nonEmpty++;
    const form = classifyDateCell(cell);
    if (form !== undefined && (form !== 'serial' || serialsAreDates)) p.dates++;
    const v = parseNumber(cell);
    if (v !== undefined && !Number.isNaN(v)) {
      p.numbers++;
      if (!Number.isInteger(v)) p.fractions++;
    }
  }
  return p;
}

function fits(count: number, p: ValueProfile): boolean {
  return p.nonEmpty > 0 && count >= FIT_SHARE * p.nonEmpty;
}

/** Required roles that names did not find, guessed from values: date, then amount, then customer. */
function inferFromValues(
  table: InputTable,
  kind: InputKind,
  found: Map<ColumnRole, DetectedColumn>,
  used: Set<number>,
): [ColumnRole, number][] {
  const free: number[] = [];
  for (let i = 0; i < table.header.length; i++) if (!used.has(i)) free.push(i);
  const profiles = new Map(free.map((i) => [i, profileColumn(table, i)]));
  const out: [ColumnRole, number][] = [];
  const take = (role: ColumnRole, index: number | undefined): void => {
    if (index === undefined) return;
    out.push([role, index]);
    free.splice(free.indexOf(index), 1);
  };
  const isDate = (i: number): boolean => fits((profiles.get(i) as ValueProfile).dates, profiles.get(i) as ValueProfile);
  const dateRole: ColumnRole = kind === 'customers' ? 'lastPurchase' : 'date';
  const hasRecency = found.has('recencyDays') || found.has('lastPurchase');
  if (!found.has(dateRole) && (kind === 'transactions' || !hasRecency)) take(dateRole, free.find(isDate));
  const amountRole: ColumnRole = kind === 'customers' ? 'monetary' : 'amount';
  const needsAmount = kind === 'customers' ? !found.has('monetary') : !found.has('amount') && !(found.has('quantity') && found.has('price'));
  if (needsAmount) {
    const numeric = free.filter((i) => !isDate(i) && fits((profiles.get(i) as ValueProfile).numbers, profiles.get(i) as ValueProfile));
    take(amountRole, numeric.find((i) => (profiles.get(i) as ValueProfile).fractions > 0) ?? numeric[numeric.length - 1]);
  }
  if (!found.has('customer')) {
    take('customer', free.find((i) => {
      const p = profiles.get(i) as ValueProfile;
      return p.nonEmpty > 0 && !isDate(i) && p.fractions === 0;
    }));
  }
  return out;
}

/** InputError when a required role is missing. */
function checkRequired(table: InputTable, kind: InputKind, found: Map<ColumnRole, DetectedColumn>): void {
  const missing: string[] = [];
  if (!found.has('customer')) missing.push('customer');
  if (kind === 'transactions') {
    if (!found.has('date')) missing.push('date');
    if (!found.has('amount') && !(found.has('quantity') && found.has('price'))) missing.push('amountOrProduct');
  } else {
    if (!found.has('recencyDays') && !found.has('lastPurchase')) missing.push('recencyOrLastPurchase');
    if (!found.has('frequency')) missing.push('frequency');
    if (!found.has('monetary')) missing.push('monetary');
  }
  if (missing.length === 0) return;
  const key = missing.length === 1 ? 'input.error.missingColumn' : 'input.error.missingColumns';
  throw inputError(key, { missingKeys: missing.map((m) => `input.roleName.${m}`).join(','), ...headersSeen(table) });
}

/**
 * The role → column index mapping of detected columns, as normalizeTransactions takes it.
 */
export function toColumnMapping(columns: readonly DetectedColumn[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const c of columns) mapping[c.role] = c.index;
  return mapping;
}

/**
 * Guesses the input kind from header names: customer-level when there is a recency or
 * last-purchase column and a number-of-orders column, and no transaction date column named as such.
 * @example detectInputKind({ header: ['customer_id', 'recency_days', 'number_of_orders', 'revenue'], rows: [] }) === 'customers'
 */
export function detectInputKind(table: InputTable): InputKind {
  const keys = table.header.map((_, i) => normalizeHeader(headerAt(table, i)));
  const best = (role: ColumnRole): number => Math.max(0, ...keys.map((k) => headerScore(k, role)));
  const recency = Math.max(best('recencyDays'), best('lastPurchase'));
  if (recency > 0 && best('frequency') > 0 && best('date') < 3) return 'customers';
  return 'transactions';
}

