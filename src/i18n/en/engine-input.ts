import type { Strings } from '../index';

/**
 * English strings of the engine's input side: customer-level column roles, how a column was
 * chosen, and how day/month dates were read (for the pane's mapping and the settings shown).
 */
export const engineInput: Strings = {
  'input.role.recencyDays': 'Recency (days)',
  'input.role.lastPurchase': 'Last purchase',
  'input.role.frequency': 'Number of orders',
  'input.role.monetary': 'Revenue',
  'input.columnSource.override': 'chosen by you',
  'input.columnSource.header': 'matched by its header',
  'input.columnSource.values': 'recognised from its values',
  'input.dayMonthOrder.dmy': 'day/month/year',
  'input.dayMonthOrder.mdy': 'month/day/year',
  'input.dayMonthOrder.fromData': 'Dates were read as {order} (the data shows it).',
  'input.dayMonthOrder.fromOption': 'Dates were read as {order}, as you chose (the data cannot tell).',
  'input.dayMonthOrder.fromDefault': 'Dates were read as {order}; the data cannot tell, so choose the order if that is wrong.',
  'input.dates.mixed': 'The date column mixes several date forms; check the skipped rows.',
};
