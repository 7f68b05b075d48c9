/**
 * RFM.PALIVE and RFM.CLV against the published formulas, coded here independently of the engine:
 * Fader, Hardie & Lee (2005) eq. 10 with a plain power series for the ₂F₁ (checked on the paper's
 * E[X(39) | x=2, t_x=30.43, T=38.86] = 1.2259 with the CDNOW parameters), Batislam et al. (2007)
 * for the modified model, and Fader & Hardie (2013) eq. 5 for the Gamma-Gamma mean spend.
 */
import { clv, palive } from '../../src/functions/functions';
import { errorOf, installCustomFunctionsStub } from './support/customFunctionsStub';

beforeAll(installCustomFunctionsStub);

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);
// Published CDNOW fits (weeks): BG/NBD (FHL 2005) and Gamma-Gamma (FH 2013).
const BG = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const GG = { p: 6.2488, q: 3.7446, v: 15.4477 };
const PARAMS = [[BG.r, BG.alpha, BG.a, BG.b, GG.p, GG.q, GG.v]];
const MONTH_WEEKS = 365.25 / 12 / 7;

function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 2000 && Math.abs(term) > 1e-16 * Math.abs(sum); k++) {
    term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    sum += term;
  }
  return sum;
}

function pAliveBg(x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + (BG.a / (BG.b + x - 1)) * ((BG.alpha + T) / (BG.alpha + tx)) ** (BG.r + x));
}

function expectedBg(t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = BG;
  const z = t / (alpha + T + t);
  const head = ((a + b + x - 1) / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1Series(r + x, b + x, a + b + x - 1, z));
  return head * pAliveBg(x, tx, T);
}

function meanSpend(x: number, zbar: number): number {
  const { p, q, v } = GG;
  const w = (p * x) / (p * x + q - 1);
  return (1 - w) * ((v * p) / (q - 1)) + w * zbar;
}

function clvByHand(x: number, tx: number, T: number, zbar: number, months: number, rate: number, margin: number, spend = meanSpend(x, zbar)): number {
  let sum = 0;
  for (let m = 1; m <= months; m++) {
    const step = expectedBg(m * MONTH_WEEKS, x, tx, T) - expectedBg((m - 1) * MONTH_WEEKS, x, tx, T);
    sum += step / (1 + rate) ** m;
  }
  return sum * spend * margin;
}

it('the hand-coded FHL eq. 10 reproduces the published E[X(39) | 2, 30.43, 38.86] = 1.2259', () => {
  expect(expectedBg(39, 2, 30.43, 38.86)).toBeCloseTo(1.2259, 3);
});

describe('RFM.PALIVE', () => {
  const x = column([0, 2, 2, 7]);
  const tx = column([0, 30.43, 5, 35]);
  const T = column([38.86, 38.86, 38.86, 38.86]);

  it('equals the BG/NBD formula position by position (1 for customers without repeat purchases)', () => {
    const result = palive(x, tx, T, PARAMS);
    result.forEach((row, i) => expect(row[0]).toBeCloseTo(pAliveBg(x[i][0] as number, tx[i][0] as number, T[i][0] as number), 10));
    expect(result[0][0]).toBe(1);
  });

  it('a range call equals the cell-by-cell calls; params may be a column of 4', () => {
    const params = column([BG.r, BG.alpha, BG.a, BG.b]);
    expect(palive(x, tx, T, params)).toEqual([0, 1, 2, 3].map((i) => palive([x[i]], [tx[i]], [T[i]], params)[0]));
  });

  it('the modified BG/NBD gives one-time buyers a P(alive) below 1 (Batislam et al. 2007)', () => {
    const [r, alpha, a, b] = [0.525, 6.183, 0.891, 1.614];
    const expected = 1 / (1 + (a / b) * ((alpha + 30) / alpha) ** r);
    const result = palive([[0]], [[0]], [[30]], [[r, alpha, a, b]], 'mbgnbd');
    expect(result[0][0]).toBeCloseTo(expected, 10);
    expect(result[0][0]).toBeLessThan(1);
  });

  it.each([
    ['fewer than 4 parameters', () => palive([[1]], [[1]], [[2]], [[1, 2, 3]]), '#VALUE!', 'params:'],
    ['a parameter of 0', () => palive([[1]], [[1]], [[2]], [[1, 0, 1, 1]]), '#VALUE!', 'params: alpha'],
    ['an unknown model', () => palive([[1]], [[1]], [[2]], PARAMS, 'pareto'), '#VALUE!', 'model:'],
    ['t_x above T', () => palive([[1]], [[5]], [[2]], PARAMS), '#VALUE!', 'T:'],
    ['a fractional x', () => palive([[1.5]], [[1]], [[2]], PARAMS), '#VALUE!', 'x:'],
    ['t_x above 0 with x = 0', () => palive([[0]], [[1]], [[2]], PARAMS), '#VALUE!', 't_x:'],
    ['no parameters at all', () => palive([[1]], [[1]], [[2]], [['', '']]), '#N/A', 'params:'],
  ])('%s gives %s', (_label, call, code, start) => {
    const error = errorOf(call());
    expect(error?.code).toBe(code);
    expect(error?.message?.startsWith(start)).toBe(true);
  });
});

describe('RFM.CLV', () => {
  it('is the discounted sum over months of expected purchases × Gamma-Gamma mean spend × margin', () => {
    const result = clv(column([2, 0]), column([30.43, 0]), column([38.86, 20]), column([40, 0]), PARAMS, 'weeks', 12, 0.01, 0.5);
    expect(result[0][0]).toBeCloseTo(clvByHand(2, 30.43, 38.86, 40, 12, 0.01, 0.5), 6);
    expect(result[1][0]).toBeCloseTo(clvByHand(0, 0, 20, 0, 12, 0.01, 0.5), 6);
  });

  it('with only r, alpha, a, b (the spend model not used), zbar is the spend per purchase', () => {
    const result = clv(column([2, 0]), column([30.43, 0]), column([38.86, 20]), column([40, 12]), [[BG.r, BG.alpha, BG.a, BG.b]]);
    expect(result[0][0]).toBeCloseTo(clvByHand(2, 30.43, 38.86, 40, 12, 0.01, 1, 40), 6);
    expect(result[1][0]).toBeCloseTo(clvByHand(0, 0, 20, 12, 12, 0.01, 1, 12), 6);
    // RFM.FIT's spill when its spend model failed a check: p, q, v are #N/A cells, read as absent
    const na = { code: '#N/A', message: 'zbar: the spend model (Gamma-Gamma) was not used' };
    const spill = [['r', 'alpha', 'a', 'b', 'p', 'q', 'v'], [BG.r, BG.alpha, BG.a, BG.b, na, na, na]];
    expect(clv(column([2, 0]), column([30.43, 0]), column([38.86, 20]), column([40, 12]), spill)).toEqual(result);
    expect(palive([[2]], [[30.43]], [[38.86]], spill)).toEqual(palive([[2]], [[30.43]], [[38.86]], [[BG.r, BG.alpha, BG.a, BG.b]]));
    // an error among r, alpha, a, b is still an error
    expect(errorOf(clv([[1]], [[1]], [[2]], [[10]], [[BG.r, na, BG.a, BG.b]]))?.code).toBe('#VALUE!');
  });

  it('defaults to weeks, 12 months, 1% a month and margin 1', () => {
    const byDefault = clv([[3]], [[20]], [[30]], [[25]], PARAMS);
    expect(byDefault[0][0]).toBeCloseTo(clvByHand(3, 20, 30, 25, 12, 0.01, 1), 6);
  });

  it('gives the same value in days when alpha, t_x and T are in days', () => {
    const inDays = [[BG.r, BG.alpha * 7, BG.a, BG.b, GG.p, GG.q, GG.v]];
    const days = clv([[2]], [[30.43 * 7]], [[38.86 * 7]], [[40]], inDays, 'days', 24, 0);
    expect(days[0][0]).toBeCloseTo(clvByHand(2, 30.43, 38.86, 40, 24, 0, 1), 6);
  });

  it('a range call equals the cell-by-cell calls', () => {
    const x = column([1, 4]);
    const tx = column([3, 20]);
    const T = column([10, 30]);
    const z = column([15, 60]);
    expect(clv(x, tx, T, z, PARAMS)).toEqual([0, 1].map((i) => clv([x[i]], [tx[i]], [T[i]], [z[i]], PARAMS)[0]));
  });

  it.each([
    ['5 parameters (p without q and v)', () => clv([[1]], [[1]], [[2]], [[10]], [[1, 1, 1, 1, 1]]), 'params:'],
    ['q of 1 (no finite mean spend)', () => clv([[1]], [[1]], [[2]], [[10]], [[1, 1, 1, 1, 1, 1, 1]]), 'params: q'],
    ['an unknown time unit', () => clv([[1]], [[1]], [[2]], [[10]], PARAMS, 'years'), 'time_unit:'],
    ['a horizon of 0', () => clv([[1]], [[1]], [[2]], [[10]], PARAMS, 'weeks', 0), 'horizon_months:'],
    ['a discount rate of 5', () => clv([[1]], [[1]], [[2]], [[10]], PARAMS, 'weeks', 12, 5), 'discount_rate:'],
    ['a margin of 1.5', () => clv([[1]], [[1]], [[2]], [[10]], PARAMS, 'weeks', 12, 0.01, 1.5), 'margin:'],
    ['a negative zbar', () => clv([[1]], [[1]], [[2]], [[-10]], PARAMS), 'zbar:'],
  ])('%s gives #VALUE!', (_label, call, start) => {
    const error = errorOf(call());
    expect(error?.code).toBe('#VALUE!');
    expect(error?.message?.startsWith(start)).toBe(true);
  });
});

describe('RFM.PALIVE under the Pareto/NBD (params r, alpha, s, beta)', () => {
  it('gives Fader & Hardie (2005) eq. 11 with α = β: 1 / (1 + s/(r+x+s)·(((α+T)/(α+t_x))^(r+x+s) − 1)) = 0.3', () => {
    // r = s = α = β = 1, x = 1, t_x = 1, T = 3: r+x+s = 3, ((1+3)/(1+1))³ = 8, 1 + (1/3)·7 = 10/3
    const result = palive([[1]], [[1]], [[3]], [[1, 1, 1, 1]], 'paretonbd');
    expect(result[0][0]).toBeCloseTo(0.3, 12);
  });

  it('names s and beta when a Pareto/NBD parameter is not above 0', () => {
    expect(errorOf(palive([[1]], [[1]], [[3]], [[1, 1, 0, 1]], 'paretonbd'))?.message).toContain('params: s must be above 0 (got 0)');
  });
});

describe('RFM.CLV under the Pareto/NBD', () => {
  it('is P(alive) · E[purchases in one month | alive] · spend (Fader & Hardie 2005 eq. 22 with α = β, s = 2)', () => {
    // r = 1, α = β = 1, s = 2, x = 1, t_x = 1, T = 3: P(alive) = 1 / (1 + (2/4)·((4/2)⁴ − 1)) = 1/8.5;
    // E[Y(t) | alive] = (r+x)(β+T) / ((α+T)(s−1)) · (1 − (β+T)/(β+T+t)) = 2t / (4 + t), t = one month in weeks
    const t = MONTH_WEEKS;
    const expected = 10 * (1 / 8.5) * ((2 * t) / (4 + t));
    const result = clv([[1]], [[1]], [[3]], [[10]], [[1, 1, 2, 1]], 'weeks', 1, 0, 1, 'paretonbd');
    expect(result[0][0]).toBeCloseTo(expected, 10);
  });
});
