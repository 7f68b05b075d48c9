/**
 * The fitting machinery: analytic gradients against finite differences, the optimisers on a
 * known minimum, and parameter recovery from data simulated with known parameters.
 */
import { BGNBD, conditionalExpected, type BgParams } from '../../../src/engine/clv/bgnbd';
import { fitPurchaseModel, logLikelihoodWithGradient } from '../../../src/engine/clv/fit';
import { gammaGammaLogLikelihood } from '../../../src/engine/clv/gammagamma';
import { groupPatterns } from '../../../src/engine/clv/groups';
import { MBGNBD } from '../../../src/engine/clv/mbgnbd';
import { bfgs, nelderMead } from '../../../src/engine/clv/optimize';
import { digamma, lgamma } from '../../../src/engine/clv/special';
import { seededRandom } from '../../../src/engine/clusters/random';

const groups = groupPatterns([0, 0, 1, 2, 5, 3, 0, 7], [0, 0, 10, 30, 60, 45, 0, 80], [90, 40, 70, 50, 90, 90, 10, 85], 7);

describe('gradients', () => {
  it.each([BGNBD, MBGNBD])('$name: analytic gradient = central differences', (spec) => {
    const p: BgParams = { r: 0.7, alpha: 3.1, a: 0.9, b: 2.2 };
    const grad = [0, 0, 0, 0];
    logLikelihoodWithGradient(spec, p, groups, grad);
    const keys: (keyof BgParams)[] = ['r', 'alpha', 'a', 'b'];
    keys.forEach((key, i) => {
      const h = 1e-6 * p[key];
      const up = logLikelihoodWithGradient(spec, { ...p, [key]: p[key] + h }, groups, null);
      const down = logLikelihoodWithGradient(spec, { ...p, [key]: p[key] - h }, groups, null);
      expect(grad[i]).toBeCloseTo((up - down) / (2 * h), 5);
    });
  });

  it('digamma is the derivative of lgamma, and ψ(1) = −γ', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    for (const x of [0.05, 0.7, 3.2, 40]) expect(digamma(x)).toBeCloseTo((lgamma(x + 1e-6) - lgamma(x - 1e-6)) / 2e-6, 6);
  });

  it('Gamma-Gamma likelihood matches a hand-written single term', () => {
    const [p, q, v, x, m] = [6, 3.5, 15, 2, 20];
    const hand = lgamma(p * x + q) - lgamma(p * x) - lgamma(q) + q * Math.log(v) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(x * m + v);
    expect(gammaGammaLogLikelihood({ p, q, v }, [x], [m])).toBeCloseTo(hand, 12);
  });
});

describe('optimisers', () => {
  const rosenbrock = (x: number[]): number => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
  it('Nelder–Mead and BFGS find the Rosenbrock minimum (1, 1)', () => {
    const nm = nelderMead(rosenbrock, [-1.2, 1]);
    expect(nm.x[0]).toBeCloseTo(1, 4);
    expect(nm.x[1]).toBeCloseTo(1, 4);
    const bf = bfgs((x, g) => {
      g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
      g[1] = 200 * (x[1] - x[0] ** 2);
      return rosenbrock(x);
    }, [-1.2, 1]);
    expect(bf.converged).toBe(true);
    expect(bf.x[0]).toBeCloseTo(1, 6);
    expect(bf.x[1]).toBeCloseTo(1, 6);
  });

  it('never throws on a non-finite objective and stops at its cap', () => {
    const result = nelderMead(() => NaN, [0, 0], { maxEvaluations: 50, restarts: 1 });
    expect(result.evaluations).toBeLessThanOrEqual(120);
  });

  it('BFGS gives up once a coordinate passes escapeBound (the minimum of e^-x is at infinity)', () => {
    const f = (x: number[], g: number[]): number => {
      g[0] = -Math.exp(-x[0]);
      g[1] = 2 * x[1];
      return Math.exp(-x[0]) + x[1] ** 2;
    };
    const result = bfgs(f, [0, 1], { escapeBound: 20, maxIterations: 10_000 });
    expect(result.escaped).toBe(true);
    expect(result.converged).toBe(false);
    expect(result.x[0]).toBeGreaterThan(20);
  });

  it('a purchase model whose maximum is at infinity (every customer buys on a fixed weekly rhythm) is flagged at the boundary', () => {
    // identical Poisson-like buyers: no rate heterogeneity, so r and α run off together
    const x = Array.from({ length: 200 }, (_, i) => 5 + (i % 3));
    const recency = x.map((v) => v * 7);
    const age = x.map(() => 70);
    const fit = fitPurchaseModel(MBGNBD, groupPatterns(x, recency, age, 7));
    expect(fit.atBoundary).toBe(true);
  });
});

describe('parameter recovery', () => {
  it('recovers the modified BG/NBD parameters of simulated customers', () => {
    // 20,000 customers over 2 years (days): λ ~ Gamma(0.6, rate 1/20), p ~ Beta(0.8, 3),
    // dropout possible after every purchase including the first (the MBG/NBD story).
    const next = seededRandom(11);
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    const gamma = (shape: number): number => {
      if (shape < 1) return gamma(shape + 1) * Math.pow(1 - next(), 1 / shape);
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        const z = normal();
        const v = (1 + c * z) ** 3;
        if (v > 0 && Math.log(1 - next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
      }
    };
    const x: number[] = [];
    const tx: number[] = [];
    const T: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const rate = gamma(0.6) / 20;
      const pa = gamma(0.8);
      const p = pa / (pa + gamma(3));
      const age = 1 + next() * 729;
      let t = 0;
      let last = 0;
      let n = 0;
      while (next() >= p) {
        t += -Math.log(1 - next()) / rate;
        if (t > age) break;
        last = t;
        n++;
      }
      x.push(n);
      tx.push(last);
      T.push(age);
    }
    const fit = fitPurchaseModel(MBGNBD, groupPatterns(x, tx, T, 1));
    expect(fit.params.r).toBeGreaterThan(0.5);
    expect(fit.params.r).toBeLessThan(0.7);
    expect(fit.params.alpha / 20).toBeGreaterThan(0.8);
    expect(fit.params.alpha / 20).toBeLessThan(1.25);
    expect(fit.params.a).toBeGreaterThan(0.6);
    expect(fit.params.a).toBeLessThan(1.05);
    expect(fit.params.b).toBeGreaterThan(2.2);
    expect(fit.params.b).toBeLessThan(4);
  });
});

describe('forecast edge', () => {
  it('is finite and continuous through a = 1', () => {
    const at = (a: number): number => conditionalExpected(BGNBD, { r: 0.5, alpha: 4, a, b: 2 }, 10, 1, 5, 20);
    expect(Number.isFinite(at(1))).toBe(true);
    expect(at(1)).toBeCloseTo((at(1 - 1e-4) + at(1 + 1e-4)) / 2, 4);
  });
});

describe('bfgs relativeTolerance', () => {
  // f = (x − 1)² + 2 + 1e-7/(1 + y): the minimum in x is 1, and f keeps falling, ever more slowly,
  // as y grows (a ridge toward a limit at y = ∞)
  const ridge = (p: number[], grad: number[]): number => {
    grad[0] = 2 * (p[0] - 1);
    grad[1] = -1e-7 / (1 + p[1]) ** 2;
    return (p[0] - 1) ** 2 + 2 + 1e-7 / (1 + p[1]);
  };

  it('calls a fit converged once f stops falling by more than the share asked, three steps running', () => {
    const loose = bfgs(ridge, [3, 0], { gradientTolerance: 1e-15, maxIterations: 500, relativeTolerance: 1e-10 });
    expect(loose.converged).toBe(true);
    expect(loose.x[0]).toBeCloseTo(1, 6);
    // without it the same search runs to the iteration cap, unconverged
    const strict = bfgs(ridge, [3, 0], { gradientTolerance: 1e-15, maxIterations: 500 });
    expect(strict.converged).toBe(false);
    expect(loose.evaluations).toBeLessThan(strict.evaluations / 10);
  });
});
