import type { Strings } from '../index';

/**
 * Persian strings of the engine's input side: customer-level column roles, how a column was
 * chosen, and how day/month dates were read (the same keys as en/engine-input.ts).
 */
export const engineInput: Strings = {
  'input.role.recencyDays': 'تازگی (روز)',
  'input.role.lastPurchase': 'آخرین خرید',
  'input.role.frequency': 'تعداد سفارش',
  'input.role.monetary': 'درآمد',
  'input.columnSource.override': 'انتخاب شما',
  'input.columnSource.header': 'از روی نام ستون',
  'input.columnSource.values': 'از روی مقادیر ستون',
  'input.dayMonthOrder.dmy': 'روز/ماه/سال',
  'input.dayMonthOrder.mdy': 'ماه/روز/سال',
  'input.dayMonthOrder.fromData': 'تاریخ‌ها به صورت {order} خوانده شدند (داده‌ها این را نشان می‌دهند).',
  'input.dayMonthOrder.fromOption': 'تاریخ‌ها طبق انتخاب شما به صورت {order} خوانده شدند (داده‌ها ترتیب را مشخص نمی‌کنند).',
  'input.dayMonthOrder.fromDefault': 'تاریخ‌ها به صورت {order} خوانده شدند؛ داده‌ها ترتیب را مشخص نمی‌کنند، اگر درست نیست ترتیب را انتخاب کنید.',
  'input.dates.mixed': 'ستون تاریخ چند قالب تاریخ مختلف دارد؛ ردیف‌های کنار گذاشته‌شده را بررسی کنید.',
};
