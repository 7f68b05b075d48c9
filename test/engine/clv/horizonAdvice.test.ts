/**
 * The churn-horizon advice (engine/clv/horizonAdvice.ts): hand-computed medians and suggestions,
 * and the note on the R package's orders, whose median gap is counted here from the raw rows.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { medianGapDays, suggestedHorizonDays } from '../../../src/engine/clv/horizonAdvice';
import { CHURN_HORIZON_CHOICES } from '../../../src/engine/optionLimits';
import { runCli } from '../../support/cli';
import { requireSharedData } from '../../support/sharedData';

jest.setTimeout(60_000);

describe('medianGapDays and suggestedHorizonDays', () => {
  it('takes the median of span ÷ repeat purchases over repeat buyers only', () => {
    // gaps 100/2 = 50, 300/1 = 300, 90/3 = 30; the one-time buyer (x = 0) is left out → median 50
    expect(medianGapDays([2, 1, 0, 3], [100, 300, 0, 90])).toBe(50);
    // an even count averages the middle two: 40 and 60 → 50
    expect(medianGapDays([1, 1, 1, 1], [20, 40, 60, 80])).toBe(50);
    expect(medianGapDays([0, 0], [0, 0])).toBeNull();
  });

  it('suggests the shortest horizon the pane offers that covers the gap, then whole years', () => {
    expect(suggestedHorizonDays(90, 148)).toBe(180);
    expect(suggestedHorizonDays(90, 180)).toBe(180);
    expect(suggestedHorizonDays(30, 45)).toBe(60);
    expect(suggestedHorizonDays(90, 200)).toBe(365);
    expect(suggestedHorizonDays(90, 400)).toBe(730);
    expect(suggestedHorizonDays(90, 90)).toBeNull();
    expect(suggestedHorizonDays(90, 61)).toBeNull();
    expect(suggestedHorizonDays(90, null)).toBeNull();
    expect(suggestedHorizonDays(90, 10_000)).toBe(3650);
  });

  it('offers in the pane exactly the horizons it suggests', () => {
    const html = fs.readFileSync(path.join(__dirname, '../../../src/taskpane/taskpane.html'), 'utf8');
    const select = html.slice(html.indexOf('<select id="churn-horizon">'), html.indexOf('</select>', html.indexOf('<select id="churn-horizon">')));
    const offered = [...select.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(offered).toEqual([...CHURN_HORIZON_CHOICES]);
  });
});

describe('on the R package orders (customers buy about every five months)', () => {
  const file = requireSharedData('rfm-r/rfm_data_orders.csv');

  /** The median gap of repeat buyers, counted from the raw CSV (distinct order days per customer). */
  function medianGapFromRows(): number {
    const days = new Map<string, Set<number>>();
    for (const line of fs.readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
      const [id, date] = line.split(',');
      const set = days.get(id) ?? new Set<number>();
      set.add(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
      days.set(id, set);
    }
    const gaps = [...days.values()].filter((s) => s.size > 1).map((s) => (Math.max(...s) - Math.min(...s)) / (s.size - 1)).sort((a, b) => a - b);
    const mid = gaps.length >> 1;
    return gaps.length % 2 === 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
  }

  it('notes the usual gap and a horizon that matches it, unless the user chose the horizon', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-horizon-'));
    const out = path.join(dir, 'out.csv');
    const gap = medianGapFromRows();
    expect(gap).toBeGreaterThan(90);
    // the shortest of the pane's horizons (30, 60, 90, 180, 365 days) that covers the gap
    const suggested = [30, 60, 90, 180, 365].find((days) => days >= gap);
    const byDefault = await runCli('analyze', file, '--clusters', 'off', '--out', out);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stderr).toContain(`(the median gap between purchases is ${Math.round(gap)} days)`);
    expect(byDefault.stderr).toContain(`--churn-horizon-days ${suggested},`);
    const chosen = await runCli('analyze', file, '--clusters', 'off', '--churn-horizon-days', '90', '--out', out);
    expect(chosen.code).toBe(0);
    expect(chosen.stderr).not.toContain('median gap between purchases');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
