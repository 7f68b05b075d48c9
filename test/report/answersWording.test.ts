/**
 * The three answers in a marketer's words: no instruction about an empty group, and the predicted
 * CLV of a group said to be a total. Figures are the fixture's own (test/report/fixtures.ts).
 */
import { threeAnswers } from '../../src/report/answers';
import { analysisWithModel } from './fixtures';

function withAtRisk(count: number) {
  const a = analysisWithModel();
  const clv = a.clv as Extract<typeof a.clv, { churn: unknown }>;
  clv.churn = { ...clv.churn, atRisk: count, churned: 0, atRiskCustomers: [], atRiskClv: count === 0 ? 0 : 1500 };
  return a;
}

describe('answers wording', () => {
  test('an empty at-risk group is said plainly, without "filter the sheet"', () => {
    const [, atRisk, churned] = threeAnswers(withAtRisk(0), 'en');
    expect(atRisk.text).toBe('No customer is at risk now: none has between 10% and 50% chance of buying in the next 90 days.');
    // never a bare 0: the expected number of customers without a purchase (the fixture's Σ P(no purchase) = 2.5 → 3)
    expect(churned.text).toBe(
      'No customer is that sure to be gone (under 10% chance of buying in the next 90 days), but about 3 customers are not expected to buy in that time; sort the Customers sheet by P(no purchase) to see the likeliest.',
    );
    const fa = threeAnswers(withAtRisk(0), 'fa');
    expect(fa[1].text).not.toMatch(/فیلتر/);
    expect(fa[1].text).toMatch(/^اکنون هیچ مشتری‌ای در خطر نیست/);
  });

  test('when dropout cannot be told from slow buying, answer 3 says so and gives the supported figure', () => {
    const a = withAtRisk(0);
    const clv = a.clv as Extract<typeof a.clv, { churn: unknown }>;
    clv.churn = { ...clv.churn, dropoutUnseparated: true, expectedNoPurchase: 970.4, churned: 12 };
    const [, , churned] = threeAnswers(a, 'en');
    expect(churned.text).toBe(
      'The data cannot say who has left for good: the model finds almost no dropout, so long-silent customers may be slow buyers. What it can say: about 970 customers are not expected to buy in the next 90 days; 12 of them are under 10% chance of buying (Churn status = Churned). Sort the Customers sheet by P(no purchase) for the 1 likeliest.',
    );
    expect(threeAnswers(a, 'fa')[2].text).toMatch(/^داده‌ها نمی‌گویند/);
  });

  test("a group's predicted CLV is named a total", () => {
    const [, atRisk] = threeAnswers(withAtRisk(3), 'en');
    expect(atRisk.text).toContain('together their predicted CLV is 1,500 (a total for the group)');
    expect(threeAnswers(withAtRisk(3), 'fa')[1].text).toContain('روی هم');
  });
});
