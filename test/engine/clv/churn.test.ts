/**
 * Churn status, thresholds and the answers, by hand.
 */
import { AT_RISK_LIST_MAX, churnStatus, resolveChurnThresholds, summariseChurn, topCustomers } from '../../../src/engine/clv/churn';
import type { ChurnStatus, CustomerResult } from '../../../src/engine/types';
import { seededRandom } from '../../../src/engine/clusters/random';

function scored(id: string, pAlive: number, clv: number, revenue: number, status: ChurnStatus | null): CustomerResult {
  return {
    id, firstPurchase: 0, lastPurchase: 0, lengthDays: 0, recencyDays: 1, frequency: 2, monetary: revenue, revenue, averageOrderValue: revenue / 2,
    lengthScore: 1, recencyScore: 1, frequencyScore: 1, monetaryScore: 1, rfmCode: 111, segment: 'Lost', valueQuadrant: 'Uncertain', loyaltyQuadrant: 'New',
    pAlive, clv, expectedPurchases30d: 0.1, expectedPurchases90d: 0.3, expectedAverageSpend: 20, churnStatus: status,
  };
}

describe('churn status', () => {
  it('uses ≥ active for Active and < churned for Churned', () => {
    const t = { active: 0.7, churned: 0.3 };
    expect(churnStatus(0.7, t)).toBe('Active');
    expect(churnStatus(0.6999, t)).toBe('At risk');
    expect(churnStatus(0.3, t)).toBe('At risk');
    expect(churnStatus(0.2999, t)).toBe('Churned');
  });

  it('defaults to 0.5 / 0.1, keeps good values, swaps reversed ones and drops bad ones', () => {
    expect(resolveChurnThresholds()).toEqual({ active: 0.5, churned: 0.1 });
    expect(resolveChurnThresholds({ active: 0.9, churned: 0.1 })).toEqual({ active: 0.9, churned: 0.1 });
    expect(resolveChurnThresholds({ active: 0.2, churned: 0.6 })).toEqual({ active: 0.6, churned: 0.2 });
    expect(resolveChurnThresholds({ active: 2, churned: Number.NaN })).toEqual({ active: 0.5, churned: 0.1 });
  });
});

describe('answers', () => {
  const customers = [
    scored('a', 0.9, 100, 500, 'Active'),
    scored('b', 0.5, 40, 300, 'At risk'),
    scored('c', 0.4, 60, 200, 'At risk'),
    scored('d', 0.1, 5, 900, 'Churned'),
    { ...scored('e', 0, 0, 50, null), pAlive: null, clv: null },
  ];

  it('counts statuses and lists those at risk by CLV with the value at risk', () => {
    const s = summariseChurn(customers, { active: 0.7, churned: 0.3 }, 'mbgnbd', 90);
    expect(s).toMatchObject({ active: 1, atRisk: 2, churned: 1, notScored: 1, atRiskRevenue: 500, atRiskClv: 100, atRiskListTruncated: false });
    expect(s.atRiskCustomers.map((c) => c.id)).toEqual(['c', 'b']);
  });

  it('ranks the most valuable by CLV, then revenue, then id', () => {
    const tied = [scored('y', 0.9, 10, 5, 'Active'), scored('x', 0.9, 10, 5, 'Active'), scored('w', 0.9, 10, 6, 'Active')];
    expect(topCustomers([...customers, ...tied]).map((c) => c.id)).toEqual(['a', 'c', 'b', 'w', 'x', 'y', 'd']);
    expect(topCustomers(customers, 2).map((c) => c.id)).toEqual(['a', 'c']);
  });

  it('picks the same top 10 as sorting everyone, on 500 seeded customers with ties', () => {
    const next = seededRandom(11);
    const many = Array.from({ length: 500 }, (_, i) => scored(`c${i}`, 0.5, Math.floor(next() * 40), Math.floor(next() * 5), 'Active'));
    const sorted = [...many].sort((a, b) => (b.clv as number) - (a.clv as number) || b.revenue - a.revenue || (a.id < b.id ? -1 : 1));
    expect(topCustomers(many).map((c) => c.id)).toEqual(sorted.slice(0, 10).map((c) => c.id));
  });

  it('cuts a long at-risk list and says so', () => {
    const many = Array.from({ length: AT_RISK_LIST_MAX + 5 }, (_, i) => scored(`r${i}`, 0.5, i, 1, 'At risk'));
    const s = summariseChurn(many, { active: 0.7, churned: 0.3 }, 'mbgnbd', 90);
    expect(s.atRisk).toBe(AT_RISK_LIST_MAX + 5);
    expect(s.atRiskCustomers).toHaveLength(AT_RISK_LIST_MAX);
    expect(s.atRiskListTruncated).toBe(true);
    expect(s.atRiskCustomers[0].clv).toBe(AT_RISK_LIST_MAX + 4);
  });
});
