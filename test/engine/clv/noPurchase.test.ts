/**
 * P(alive) and P(no purchase in the next h) for small histories, checked against values worked
 * out by hand and against a brute-force integral over the individual rates written straight
 * from the models' stories (not from the closed forms in src/).
 */
import { modelPAlive, pNoPurchase } from '../../../src/engine/clv/models';
import { hyp2f1OneB, pnbdExpectedIfAlive } from '../../../src/engine/clv/paretonbd';

/** Simpson's rule on [lo, hi] with n (even) panels. */
function simpson(f: (v: number) => number, lo: number, hi: number, n = 4000): number {
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

/** ln Γ by Stirling's series with upward shift (independent of src/engine/clv/special). */
function lnGamma(x: number): number {
  let shift = 0;
  while (x < 20) {
    shift -= Math.log(x);
    x += 1;
  }
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
}

/** ∫ f(λ) Gamma(λ; shape, rate) dλ, integrated in ln λ. */
function overGamma(f: (lambda: number) => number, shape: number, rate: number): number {
  const logNorm = shape * Math.log(rate) - lnGamma(shape);
  return simpson((v) => {
    const lambda = Math.exp(v);
    return f(lambda) * Math.exp(logNorm + shape * v - rate * lambda);
  }, -60, 8);
}

/** ∫ f(p) Beta(p; a, b) dp, integrated in logit p. */
function overBeta(f: (p: number) => number, a: number, b: number): number {
  const logNorm = lnGamma(a + b) - lnGamma(a) - lnGamma(b);
  return simpson((w) => {
    const p = 1 / (1 + Math.exp(-w));
    return f(p) * Math.exp(logNorm + a * Math.log(p) + b * Math.log1p(-p));
  }, -60, 60);
}

interface Bg { r: number; alpha: number; a: number; b: number }

/**
 * BG/NBD family by brute force. Story: purchases at rate λ; after each purchase counted in
 * `flips` the customer leaves with probability p (BG/NBD: the x repeat purchases; modified:
 * also the first). Alive at T: survived every flip, no purchase in (t_x, T]. Gone: left at the
 * last flip. P(no purchase in h) = [alive·e^−λh + gone] / [alive + gone].
 */
function bgBruteForce(modified: boolean, p: Bg, x: number, tx: number, T: number, h: number): { pAlive: number; p0: number } {
  const flips = modified ? x + 1 : x;
  const aliveP = overBeta((q) => (1 - q) ** flips, p.a, p.b);
  const goneP = flips > 0 ? overBeta((q) => q * (1 - q) ** (flips - 1), p.a, p.b) : 0;
  const alive = aliveP * overGamma((l) => l ** x * Math.exp(-l * T), p.r, p.alpha);
  const aliveQuiet = aliveP * overGamma((l) => l ** x * Math.exp(-l * (T + h)), p.r, p.alpha);
  const gone = goneP * overGamma((l) => l ** x * Math.exp(-l * tx), p.r, p.alpha);
  return { pAlive: alive / (alive + gone), p0: (aliveQuiet + gone) / (alive + gone) };
}

interface Pnbd { r: number; alpha: number; s: number; beta: number }

/**
 * Pareto/NBD by brute force over (λ, μ): alive at T with weight λ^x e^−(λ+μ)T, died in (t_x, T]
 * with weight λ^x μ/(λ+μ)(e^−(λ+μ)t_x − e^−(λ+μ)T). An alive customer buys in h unless death
 * comes first: P(buy) = λ/(λ+μ)(1 − e^−(λ+μ)h).
 */
function pnbdBruteForce(p: Pnbd, x: number, tx: number, T: number, h: number): { pAlive: number; p0: number; expected: number } {
  let alive = 0;
  let gone = 0;
  let aliveBuys = 0;
  let aliveExpected = 0;
  // a plain double loop on a log grid (Simpson weights), so the inner sums are explicit
  const n = 600;
  const grid = (shape: number, rate: number): { v: number[]; w: number[] } => {
    const lo = -40;
    const hi = 6;
    const step = (hi - lo) / n;
    const logNorm = shape * Math.log(rate) - lnGamma(shape);
    const v: number[] = [];
    const w: number[] = [];
    for (let i = 0; i <= n; i++) {
      const value = Math.exp(lo + i * step);
      const simpsonWeight = (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * step / 3;
      v.push(value);
      w.push(simpsonWeight * Math.exp(logNorm + shape * Math.log(value) - rate * value));
    }
    return { v, w };
  };
  const L = grid(p.r, p.alpha);
  const M = grid(p.s, p.beta);
  for (let i = 0; i <= n; i++) {
    const lambda = L.v[i];
    for (let j = 0; j <= n; j++) {
      const mu = M.v[j];
      const weight = L.w[i] * M.w[j] * lambda ** x;
      const k = lambda + mu;
      const a = Math.exp(-k * T);
      alive += weight * a;
      gone += weight * (mu / k) * (Math.exp(-k * tx) - a);
      aliveBuys += weight * a * (lambda / k) * -Math.expm1(-k * h);
      aliveExpected += weight * a * (lambda / mu) * -Math.expm1(-mu * h);
    }
  }
  return { pAlive: alive / (alive + gone), p0: 1 - aliveBuys / (alive + gone), expected: aliveExpected / alive };
}

describe('P(no purchase) under BG/NBD, worked by hand', () => {
  it('r = α = a = b = 1, x = 1, t_x = 1, T = 2, h = 1: P(alive) = 4/13, P0 = 45/52', () => {
    // P(alive) = 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) = 1 / (1 + (3/2)²) = 4/13
    // P0 = 1 − 4/13 · (1 − ((α+T)/(α+T+h))^(r+x)) = 1 − 4/13 · (1 − 9/16) = 45/52
    const fit = { model: 'bgnbd' as const, params: { r: 1, alpha: 1, a: 1, b: 1 } };
    expect(modelPAlive(fit, 1, 1, 2)).toBeCloseTo(4 / 13, 12);
    expect(pNoPurchase(fit, 1, 1, 2, 1)).toBeCloseTo(45 / 52, 12);
  });

  it('a one-time buyer is alive under BG/NBD: P0 = (α+T)/(α+T+h))^r = (3/4)^2 for r = 2, α = 1, T = 2, h = 1', () => {
    const fit = { model: 'bgnbd' as const, params: { r: 2, alpha: 1, a: 1, b: 1 } };
    expect(pNoPurchase(fit, 0, 0, 2, 1)).toBeCloseTo(9 / 16, 12);
  });

  it('modified BG/NBD, r = α = a = b = 1, x = 0, T = 2, h = 1: P(alive) = 1/(1 + 3) , P0 = 1 − 1/4 · 1/3', () => {
    // odds a/(b+x) · ((α+T)/(α+t_x))^(r+x) = 1 · 3 → P(alive) = 1/4; quiet = (3/4)^1
    const fit = { model: 'mbgnbd' as const, params: { r: 1, alpha: 1, a: 1, b: 1 } };
    expect(modelPAlive(fit, 0, 0, 2)).toBeCloseTo(1 / 4, 12);
    expect(pNoPurchase(fit, 0, 0, 2, 1)).toBeCloseTo(1 - (1 / 4) * (1 / 4), 12);
  });

  it('a horizon of 0 means no purchase for sure', () => {
    expect(pNoPurchase({ model: 'bgnbd', params: { r: 1, alpha: 1, a: 1, b: 1 } }, 3, 1, 2, 0)).toBe(1);
  });
});

describe('P(no purchase) against a brute-force integral over the individual rates', () => {
  const cdnowBg: Bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const histories: [number, number, number, number][] = [
    [2, 30.43, 38.86, 13], [0, 0, 38.86, 13], [7, 20, 38, 52], [1, 0.5, 20, 4],
  ];
  it.each(histories)('BG/NBD and modified BG/NBD, x = %p, t_x = %p, T = %p, h = %p', (x, tx, T, h) => {
    for (const modified of [false, true]) {
      const brute = bgBruteForce(modified, cdnowBg, x, tx, T, h);
      const fit = { model: modified ? ('mbgnbd' as const) : ('bgnbd' as const), params: cdnowBg };
      expect(Math.abs(modelPAlive(fit, x, tx, T) - brute.pAlive)).toBeLessThan(1e-6);
      expect(Math.abs(pNoPurchase(fit, x, tx, T, h) - brute.p0)).toBeLessThan(1e-6);
    }
  });

  const pnbdCases: [Pnbd, number, number, number, number][] = [
    [{ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 2, 30.43, 38.86, 13],
    [{ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 0, 0, 38.86, 13],
    [{ r: 0.8, alpha: 12, s: 1.3, beta: 3 }, 4, 10, 30, 20],
    [{ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 10, 38, 38.86, 26],
    [{ r: 1.5, alpha: 2, s: 0.4, beta: 25 }, 1, 5, 40, 8],
  ];
  it.each(pnbdCases)('Pareto/NBD %p, x = %p, t_x = %p, T = %p, h = %p', (params, x, tx, T, h) => {
    const brute = pnbdBruteForce(params, x, tx, T, h);
    const fit = { model: 'paretonbd' as const, params };
    expect(Math.abs(modelPAlive(fit, x, tx, T) - brute.pAlive)).toBeLessThan(2e-5);
    expect(Math.abs(pNoPurchase(fit, x, tx, T, h) - brute.p0)).toBeLessThan(2e-5);
    expect(Math.abs(pnbdExpectedIfAlive(params, h, x, T) - brute.expected)).toBeLessThan(2e-4 * Math.max(1, brute.expected));
  });
});

describe('₂F₁(1, B; C; z) near z = 1 (continued fraction)', () => {
  it('equals −ln(1−z)/z for B = 1, C = 2 at z = 0.6, 0.99, 0.99999', () => {
    for (const z of [0.6, 0.99, 0.99999]) {
      expect(Math.abs(hyp2f1OneB(1, 2, z) / (-Math.log1p(-z) / z) - 1)).toBeLessThan(1e-10);
    }
  });

  it('equals the term-by-term series sum at z = 0.7 and 0.95 for B = 2.3, C = 4.1', () => {
    for (const z of [0.7, 0.95]) {
      let term = 1;
      let sum = 1;
      for (let n = 0; n < 5000; n++) {
        term *= ((1 + n) * (2.3 + n) * z) / ((4.1 + n) * (n + 1));
        sum += term;
      }
      expect(Math.abs(hyp2f1OneB(2.3, 4.1, z) / sum - 1)).toBeLessThan(1e-12);
    }
  });

  it('gives ₂F₁(1, B; B; z) = 1/(1−z) at z = 0.999', () => {
    expect(Math.abs(hyp2f1OneB(3.7, 3.7, 0.999) * (1 - 0.999) - 1)).toBeLessThan(1e-10);
  });
});
