import type { Strings } from '../index';

/**
 * English strings of the engine: segment names and recommended actions (keys from the segment's
 * slug, see engine/segments.ts), and the names of the value and loyalty quadrants.
 */
export const engine: Strings = {
  'segment.champions': 'Champions',
  'segment.champions.action': 'Reward them: early access, loyalty perks and a referral ask. No discounts needed.',
  'segment.potentialLoyalist': 'Potential Loyalist',
  'segment.potentialLoyalist.action': 'Invite them to a membership or loyalty programme and recommend related products.',
  'segment.loyalCustomers': 'Loyal Customers',
  'segment.loyalCustomers.action': 'Upsell higher-value products, ask for reviews and keep them engaged.',
  'segment.promising': 'Promising',
  'segment.promising.action': 'Build the relationship: useful content and a small incentive for the next order.',
  'segment.newCustomers': 'New Customers',
  'segment.newCustomers.action': 'Send a welcome series, help them succeed early and make the second purchase easy.',
  'segment.cantLoseThem': "Can't Lose Them",
  'segment.cantLoseThem.action': 'Win them back now: personal contact, their favourite products and a strong offer.',
  'segment.atRisk': 'At Risk',
  'segment.atRisk.action': 'Send personalised reactivation offers and ask what changed.',
  'segment.needAttention': 'Need Attention',
  'segment.needAttention.action': 'Re-engage with a time-limited offer based on past purchases before they slip.',
  'segment.aboutToSleep': 'About To Sleep',
  'segment.aboutToSleep.action': 'Reconnect with popular products and a modest discount.',
  'segment.lost': 'Lost',
  'segment.lost.action': 'Try one low-cost win-back campaign; otherwise stop spending on them.',
  'segment.others': 'Others',
  'segment.others.action': 'Review them case by case; if this group is large, adjust the segment rules.',
  'quadrant.value.best': 'Best',
  'quadrant.value.highSpending': 'High-spending',
  'quadrant.value.frequent': 'Frequent',
  'quadrant.value.uncertain': 'Uncertain',
  'quadrant.loyalty.loyal': 'Loyal',
  'quadrant.loyalty.potential': 'Potential',
  'quadrant.loyalty.new': 'New',
  'quadrant.loyalty.uncertain': 'Uncertain',
};
