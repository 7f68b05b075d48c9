/**
 * The decimals a campaign list's file gives each column: the rial and the toman are whole units,
 * the dollar, euro and pound have cents (ISO 4217 minor units, as a shop writes them).
 */
import { listColumnDecimals, moneyDecimals } from '../../src/report/campaignList';

describe('moneyDecimals', () => {
  it.each([['IRR', 0], ['IRT', 0], ['USD', 2], ['EUR', 2], ['GBP', 2], [null, 2], [undefined, 2]] as const)('%s: %i decimals', (currency, decimals) => {
    expect(moneyDecimals(currency)).toBe(decimals);
  });
});

describe('listColumnDecimals', () => {
  // customer, segment, action, days, orders, monetary, CLV, churn status, then a contact and the message
  const header = ['Customer', 'Segment', 'Action', 'Days', 'Orders', 'Monetary', 'CLV', 'Status', 'email', 'Message'];
  it('days and orders whole, monetary and CLV at the currency\'s precision, text columns none', () => {
    expect(listColumnDecimals({ header }, 'USD')).toEqual([null, null, null, 0, 0, 2, 2, null, null, null]);
    expect(listColumnDecimals({ header }, 'IRT')).toEqual([null, null, null, 0, 0, 0, 0, null, null, null]);
  });
});
