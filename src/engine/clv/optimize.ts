/**
 * Nelder–Mead minimisation: derivative-free, deterministic, with an evaluation cap.
 * Used on log-parameters so every model parameter stays positive.
 */

/** Result of a minimisation. */
export interface MinimizeResult {
  /** The best point found. */
  x: number[];
  /** The objective at `x`. */
  value: number;
  /** Objective evaluations used. */
  evaluations: number;
  /** True when the simplex shrank below the tolerances before the cap. */
  converged: boolean;
  /** True when BFGS stopped because a coordinate left ±`escapeBound` (the optimum is at infinity). */
  escaped?: boolean;
}

/** Tuning of `nelderMead`. */
export interface NelderMeadOptions {
  /** Stop when max |f_i − f_best| over the simplex is below this (default 1e-12). */
  fTolerance?: number;
  /** …and max |x_i − x_best| is below this (default 1e-9). */
  xTolerance?: number;
  /** Cap on evaluations per run (default 4000). */
  maxEvaluations?: number;
  /** Edge of the initial simplex (default 0.5, in the units of x). */
  step?: number;
  /** Restarts from the best point with a fresh simplex, which guards against collapse (default 3). */
  restarts?: number;
}

/**
 * Minimises `f` with the Nelder–Mead simplex (coefficients 1, 2, ½, ½), restarted from the best
 * point a few times. A non-finite objective counts as +Infinity, so the search backs away from it.
 * @param f the objective
 * @param start the starting point
 * @param options tolerances and caps
 * @returns the best point, its value and whether it converged
 */
export function nelderMead(f: (x: number[]) => number, start: number[], options: NelderMeadOptions = {}): MinimizeResult {
  let best: MinimizeResult = { x: start.slice(), value: safe(f(start)), evaluations: 1, converged: false };
  const restarts = options.restarts ?? 3;
  let step = options.step ?? 0.5;
  for (let run = 0; run <= restarts; run++) {
    const result = runSimplex(f, best.x, step, options);
    const improved = best.value - result.value;
    best = { ...result, evaluations: best.evaluations + result.evaluations };
    if (run > 0 && improved < (options.fTolerance ?? 1e-12) && result.converged) break;
    step = Math.max(step / 4, 1e-3);
  }
  return best;
}

function safe(value: number): number {
  return Number.isFinite(value) ? value : Infinity;
}

function runSimplex(f: (x: number[]) => number, start: number[], step: number, options: NelderMeadOptions): MinimizeResult {
  const n = start.length;
  const fTol = options.fTolerance ?? 1e-12;
  const xTol = options.xTolerance ?? 1e-9;
  const maxEvaluations = options.maxEvaluations ?? 4000;
  const points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += step;
    points.push(p);
  }
  const values = points.map((p) => safe(f(p)));
  let evaluations = n + 1;
  let converged = false;
  const order = points.map((_, i) => i);
  while (evaluations < maxEvaluations) {
    order.sort((i, j) => values[i] - values[j]);
    const bestI = order[0];
    const worstI = order[n];
    if (isSmall(points, values, bestI, fTol, xTol)) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let d = 0; d < n; d++) centroid[d] += points[order[k]][d] / n;
    const along = (t: number): number[] => centroid.map((c, d) => c + t * (points[worstI][d] - c));
    const reflected = along(-1);
    const fr = safe(f(reflected));
    evaluations++;
    if (fr < values[bestI]) {
      const expanded = along(-2);
      const fe = safe(f(expanded));
      evaluations++;
      if (fe < fr) replace(points, values, worstI, expanded, fe);
      else replace(points, values, worstI, reflected, fr);
    } else if (fr < values[order[n - 1]]) {
      replace(points, values, worstI, reflected, fr);
    } else {
      const outside = fr < values[worstI];
      const contracted = along(outside ? -0.5 : 0.5);
      const fc = safe(f(contracted));
      evaluations++;
      if (fc < (outside ? fr : values[worstI])) {
        replace(points, values, worstI, contracted, fc);
      } else {
        for (let k = 1; k <= n; k++) {
          const i = order[k];
          points[i] = points[i].map((v, d) => points[bestI][d] + 0.5 * (v - points[bestI][d]));
          values[i] = safe(f(points[i]));
        }
        evaluations += n;
      }
    }
  }
  let bestI = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[bestI]) bestI = i;
  return { x: points[bestI].slice(), value: values[bestI], evaluations, converged };
}

function replace(points: number[][], values: number[], i: number, p: number[], v: number): void {
  points[i] = p;
  values[i] = v;
}

function isSmall(points: number[][], values: number[], bestI: number, fTol: number, xTol: number): boolean {
  let fSpread = 0;
  let xSpread = 0;
  for (let i = 0; i < points.length; i++) {
    fSpread = Math.max(fSpread, Math.abs(values[i] - values[bestI]));
    for (let d = 0; d < points[i].length; d++) xSpread = Math.max(xSpread, Math.abs(points[i][d] - points[bestI][d]));
  }
  return fSpread <= fTol && xSpread <= xTol;
}

/**
 * |log-parameter| at which a fit's BFGS gives up (a parameter beyond 1e-10..1e10 on rescaled data):
 * far past any usable value, where the likelihood is flat toward a limiting model (e.g. BG/NBD's r, α
 * → ∞ together: no rate heterogeneity; Gamma-Gamma's q → ∞: no spend heterogeneity) and every
 * further step only costs evaluations.
 */
export const ESCAPE_LOG = 2 * Math.log(1e5);

/** A decrease of f below this share of |f| is rounding (8 units in the last place). */
const ROUNDOFF = 8 * Number.EPSILON;

/** Steps in a row that must each lower f by less than `relativeTolerance` before BFGS calls it converged. */
const FLAT_ITERATIONS = 3;

/**
 * BFGS quasi-Newton minimisation with a backtracking (Armijo) line search, for a smooth objective
 * whose gradient is known. Deterministic; stops when the largest gradient component is below
 * `gradientTolerance`, when a step no longer lowers f (or only by rounding, with the gradient within
 * 1000 × the tolerance), or at the iteration cap.
 * @param f returns the objective and writes its gradient into `grad`
 * @param start the starting point
 * @param options gradient tolerance (default 1e-10), iteration cap (default 200), and escapeBound:
 *   stop as soon as some |x_i| exceeds it (a maximum running off to infinity, as on log-parameters
 *   whose optimum is a limiting model, only costs iterations; default Infinity); `escapes`, a
 *   test of each accepted point that stops the same way when it holds (a limit the caller can
 *   recognise before any coordinate gets that far); `relativeTolerance`: also converged once f has
 *   fallen by less than this share of |f| in FLAT_ITERATIONS steps running (R's optim `reltol`)
 * @returns the best point found
 */
export function bfgs(
  f: (x: number[], grad: number[]) => number,
  start: number[],
  options: { gradientTolerance?: number; maxIterations?: number; escapeBound?: number; escapes?: (x: readonly number[]) => boolean; relativeTolerance?: number } = {},
): MinimizeResult {
  const n = start.length;
  const tol = options.gradientTolerance ?? 1e-10;
  const escapeBound = options.escapeBound ?? Infinity;
  let x = start.slice();
  let g = new Array<number>(n).fill(0);
  let value = f(x, g);
  let evaluations = 1;
  let H = identity(n);
  let converged = false;
  let flat = 0;
  for (let iter = 0; iter < (options.maxIterations ?? 200) && Number.isFinite(value); iter++) {
    if (Math.max(...g.map(Math.abs)) < tol) {
      converged = true;
      break;
    }
    let dir = H.map((row) => -row.reduce((s, h, j) => s + h * g[j], 0));
    let slope = dir.reduce((s, d, i) => s + d * g[i], 0);
    if (!(slope < 0)) {
      H = identity(n);
      dir = g.map((v) => -v);
      slope = -g.reduce((s, v) => s + v * v, 0);
    }
    let step = 1;
    const g2 = new Array<number>(n).fill(0);
    let x2 = x;
    let value2 = Infinity;
    for (let tries = 0; tries < 60; tries++) {
      x2 = x.map((v, i) => v + step * dir[i]);
      value2 = f(x2, g2);
      evaluations++;
      if (Number.isFinite(value2) && value2 <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(value2 < value)) {
      converged = value - value2 >= -1e-15 && Math.max(...g.map(Math.abs)) < Math.sqrt(tol);
      break;
    }
    // f no longer changes beyond rounding while the gradient is nearly zero: a sum over thousands of
    // customers cannot get its gradient much nearer zero, and further line searches only halve steps
    const stalled = value - value2 <= ROUNDOFF * Math.abs(value) && Math.max(...g2.map(Math.abs)) < 1e3 * tol;
    if (stalled) return { x: x2, value: value2, evaluations, converged: true };
    flat = options.relativeTolerance !== undefined && value - value2 <= options.relativeTolerance * (Math.abs(value) + options.relativeTolerance) ? flat + 1 : 0;
    if (flat >= FLAT_ITERATIONS) return { x: x2, value: value2, evaluations, converged: true };
    const s = x2.map((v, i) => v - x[i]);
    const y = g2.map((v, i) => v - g[i]);
    const sy = s.reduce((acc, v, i) => acc + v * y[i], 0);
    if (sy > 1e-18) H = bfgsUpdate(H, s, y, sy);
    x = x2;
    g = g2;
    value = value2;
    if (x.some((v) => !(Math.abs(v) <= escapeBound)) || options.escapes?.(x)) return { x, value, evaluations, converged: false, escaped: true };
  }
  return { x, value, evaluations, converged };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(yᵀs). */
function bfgsUpdate(H: number[][], s: number[], y: number[], sy: number): number[][] {
  const n = s.length;
  const rho = 1 / sy;
  const Hy = H.map((row) => row.reduce((acc, h, j) => acc + h * y[j], 0));
  const yHy = y.reduce((acc, v, i) => acc + v * Hy[i], 0);
  const out = identity(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[i][j] = H[i][j] - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
    }
  }
  return out;
}
