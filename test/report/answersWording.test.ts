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
    expect(atRisk.text).toBe('No customer is at risk now: none has a probability of still being active between 0.3 and 0.7.');
    expect(churned.text).toBe('No customer has churned: none has a probability of still being active below 0.3.');
    const fa = threeAnswers(withAtRisk(0), 'fa');
    expect(fa[1].text).not.toMatch(/فیلتر/);
    expect(fa[1].text).toMatch(/^اکنون هیچ مشتری‌ای در خطر نیست/);
  });

  test("a group's predicted CLV is named a total", () => {
    const [, atRisk] = threeAnswers(withAtRisk(3), 'en');
    expect(atRisk.text).toContain('together their predicted CLV is 1,500 (a total for the group)');
    expect(threeAnswers(withAtRisk(3), 'fa')[1].text).toContain('روی هم');
  });
});
