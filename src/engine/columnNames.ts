/**
 * Header names per column role, English and Persian, in normalised form (see normalizeHeader).
 * Exact names score above names that merely contain a keyword.
 */
import type { ColumnRole, CustomerRole, TransactionRole } from './types';
import { normalizePersianText } from './cellText';

/** Roles of transaction input, in the order they are reported. */
export const TRANSACTION_ROLES: TransactionRole[] = ['customer', 'date', 'amount', 'order', 'quantity', 'price', 'cost'];
/** Roles of customer-level input, in the order they are reported. */
export const CUSTOMER_ROLES: CustomerRole[] = ['customer', 'recencyDays', 'lastPurchase', 'frequency', 'monetary'];

/**
 * A header in comparable form: lower case; spaces, `_`, `-`, `.`, `#`, `:`, `/`, brackets and
 * zero-width non-joiners removed; Arabic yeh/kaf as Persian ی/ک; digits Latin.
 * @example normalizeHeader('Customer ID') === 'customerid'; normalizeHeader('کد مشتري') === 'کدمشتری'
 */
export function normalizeHeader(header: string): string {
  let out = '';
  const lower = normalizePersianText(header.toLowerCase());
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c <= 32 || c === 95 || c === 45 || c === 46 || c === 35 || c === 58 || c === 47 || c === 40 ||
      c === 41 || c === 91 || c === 93 || c === 0x200c || c === 0xa0 || c === 0x200f || c === 0x200e || c === 0xfeff) continue;
    out += lower[i];
  }
  return out;
}

/**
 * Exact names (already normalised) per role. Name columns (`Customer Name`) are left to the
 * keyword match on purpose, so that an id column beside them wins.
 */
export const EXACT_NAMES: Record<ColumnRole, string[]> = {
  customer: [
    'customer', 'customerid', 'customerno', 'customernumber', 'customercode', 'custid',
    'custno', 'client', 'clientid', 'buyer', 'buyerid', 'member', 'memberid', 'userid',
    'accountid', 'account', 'masterid', 'مشتری', 'کدمشتری', 'شناسهمشتری', 'شمارهمشتری',
    'خریدار', 'کدخریدار',
  ],
  date: [
    'date', 'orderdate', 'invoicedate', 'purchasedate', 'transactiondate', 'saledate', 'salesdate',
    'txdate', 'day', 'datetime', 'timestamp', 'createdat', 'orderedat', 'تاریخ', 'تاریخسفارش',
    'تاریخخرید', 'تاریخفاکتور', 'تاریخفروش', 'تاریختراکنش',
  ],
  amount: [
    'amount', 'revenue', 'sales', 'sale', 'total', 'totalamount', 'value', 'sum', 'linetotal',
    'lineamount', 'totalprice', 'netamount', 'grossamount', 'spend', 'payment', 'paid', 'dollarvalue',
    'subtotal', 'ordervalue', 'ordertotal', 'مبلغ', 'فروش', 'مبلغکل', 'جمع', 'جمعکل', 'درآمد',
    'مبلغفروش', 'مبلغفاکتور', 'ارزش', 'مبلغسفارش',
  ],
  order: [
    'order', 'orderid', 'orderno', 'ordernumber', 'invoice', 'invoiceno', 'invoiceid', 'invoicenumber',
    'transaction', 'transactionid', 'receipt', 'receiptno', 'billno', 'سفارش', 'شمارهسفارش',
    'کدسفارش', 'فاکتور', 'شمارهفاکتور', 'کدفاکتور',
  ],
  quantity: ['quantity', 'qty', 'units', 'numberofcds', 'تعداد', 'مقدار', 'تعدادکالا'],
  price: ['price', 'unitprice', 'priceeach', 'rate', 'قیمت', 'قیمتواحد', 'فی', 'نرخ'],
  cost: ['cost', 'costs', 'unitcost', 'totalcost', 'cogs', 'margin', 'هزینه', 'بهایتمامشده', 'حاشیهسود'],
  recencyDays: [
    'recencydays', 'recency', 'dayssincelastpurchase', 'dayssincelastorder', 'dayssincelastvisit',
    'تازگی', 'روزازآخرینخرید', 'روزازآخرینسفارش',
  ],
  lastPurchase: [
    'mostrecentvisit', 'lastpurchase', 'lastpurchasedate', 'lastorder', 'lastorderdate', 'lastvisit',
    'lastdate', 'mostrecentpurchase', 'آخرینخرید', 'تاریخآخرینخرید', 'آخرینسفارش', 'تاریخآخرینسفارش',
  ],
  frequency: [
    'numberoforders', 'frequency', 'orders', 'ordercount', 'norders', 'ntransactions', 'transactions',
    'transactioncount', 'numberofpurchases', 'purchases', 'visits', 'تعدادسفارش', 'تعدادخرید',
    'دفعاتخرید', 'تکرار', 'فراوانی', 'تعدادفاکتور',
  ],
  monetary: [
    'revenue', 'monetary', 'totalrevenue', 'amount', 'total', 'sales', 'spend', 'totalspend', 'value',
    'مبلغ', 'مبلغکل', 'فروش', 'درآمد', 'مجموعخرید', 'ارزش',
  ],
};

/** Keywords a header may contain, per role. */
export const KEYWORDS: Record<ColumnRole, string[]> = {
  customer: ['customer', 'client', 'cust', 'buyer', 'مشتری', 'خریدار'],
  date: ['date', 'تاریخ'],
  amount: ['amount', 'revenue', 'sales', 'total', 'value', 'مبلغ', 'فروش', 'درآمد'],
  order: ['order', 'invoice', 'receipt', 'سفارش', 'فاکتور'],
  quantity: ['qty', 'quantity', 'تعداد'],
  price: ['price', 'قیمت'],
  cost: ['cost', 'margin', 'هزینه'],
  recencyDays: ['recency', 'dayssince', 'تازگی'],
  lastPurchase: ['lastpurchase', 'mostrecent', 'lastorder', 'lastvisit', 'آخرین'],
  frequency: ['frequency', 'numberof', 'count', 'تعداد', 'دفعات'],
  monetary: ['monetary', 'revenue', 'amount', 'spend', 'total', 'مبلغ', 'فروش', 'درآمد'],
};

/** When a header contains keywords of several roles, the earlier role here wins ("Order Date" → date). */
export const KEYWORD_PRIORITY: ColumnRole[] = [
  'lastPurchase', 'recencyDays', 'date', 'quantity', 'price', 'cost', 'frequency', 'amount', 'monetary',
  'customer', 'order',
];

/**
 * How well a normalised header names a role: 3 exact, 2 contains a keyword, 0 not at all.
 */
export function headerScore(normalized: string, role: ColumnRole): number {
  if (normalized === '') return 0;
  if (EXACT_NAMES[role].includes(normalized)) return 3;
  for (const k of KEYWORDS[role]) if (normalized.includes(k)) return 2;
  return 0;
}
