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
