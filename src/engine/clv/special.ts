/**
 * Special functions for the purchase models: log-gamma and the Gauss hypergeometric function.
 * Hand-written (a few lines each) rather than a dependency: the candidate npm packages pull in
 * over a hundred transitive modules for the browser bundle.
 */

/** Lanczos coefficients (g = 7, n = 9), as in Numerical Recipes / Godfrey; relative error < 2e-15. */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural logarithm of |Γ(x)| (Lanczos approximation, reflection below 0.5).
 * @param x any real number except 0, -1, -2, …
 * @returns ln|Γ(x)|; Infinity at the poles
 * @example lgamma(10) // ≈ ln(362880) = 12.8018…
 */
export function lgamma(x: number): number {
  if (x < 0.5) {
    const s = Math.sin(Math.PI * x);
    if (s === 0) return Infinity;
    return Math.log(Math.PI / Math.abs(s)) - lgamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Hard cap on series terms: reached only for z within ~1e-5 of 1 with large parameters. */
const HYP2F1_MAX_TERMS = 200000;

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1.
 * The series is summed until a term no longer changes the sum in double precision.
 * Callers near z = 1 should pass Euler-transformed arguments whose series decays fast
 * (₂F₁(a, b; c; z) = (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z), as expectedIfAlive does). Complexity: O(terms), about ln(1e-16)/ln(z) for moderate parameters.
 * @param a first numerator parameter
 * @param b second numerator parameter
 * @param c denominator parameter (not 0, -1, -2, …)
 * @param z argument in [0, 1)
 * @returns the value of the series
 * @example hyp2f1(1, 1, 2, 0.5) // = -ln(0.5)/0.5 = 1.3862943611198906
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 1;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    const next = sum + term;
    if (next === sum && n > 2) return next;
    if (term === 0) return next;
    sum = next;
  }
  return sum;
}

/**
 * Digamma ψ(x) = d/dx ln Γ(x) for x > 0: upward recurrence to x ≥ 10, then the asymptotic series.
 * Absolute error below 1e-13.
 * @param x positive
 * @returns ψ(x)
 * @example digamma(1) // −γ = −0.5772156649015329
 */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))));
  return shift + Math.log(x) - 0.5 * inv - series;
}
