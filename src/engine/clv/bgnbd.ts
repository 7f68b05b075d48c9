/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way") and the
 * structure it shares with its modified form (mbgnbd.ts): likelihood, P(alive) and the
 * conditional expected number of purchases, written as in the `lifetimes` Python package.
 */
import { digamma, hyp2f1, lgamma } from './special';

/** Population parameters of the BG/NBD family: Gamma(r, α) purchase rates, Beta(a, b) dropout. */
export interface BgParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** The x-only parts of one customer's log-likelihood and their gradients in (r, α, a, b). */
export interface XTerms {
  /** Terms without t_x or T. */
  base: number;
  /** ∂base/∂(r, α, a, b). */
  dBase: [number, number, number, number];
  /** ln of the "dropped out after the last purchase" weight, or null where that branch is absent. */
  dropout: number | null;
  /** ∂dropout/∂a and ∂dropout/∂b. */
  dDropoutA: number;
  dDropoutB: number;
}

/** What differs between the BG/NBD and the modified BG/NBD. */
export interface PurchaseModelSpec {
  name: 'bgnbd' | 'mbgnbd';
  /** The x-only likelihood terms. */
  xTerms(p: BgParams, x: number): XTerms;
  /** ln(a / (b + x − 1)) for BG/NBD (x > 0), ln(a / (b + x)) for MBG/NBD; null when absent. */
  dropoutOdds(p: BgParams, x: number): number | null;
  /** The second numerator and the denominator parameter of the ₂F₁ in E[X(t) | x, t_x, T]. */
  hypParams(p: BgParams, x: number): { b: number; c: number };
}

/**
 * The x-only terms shared by both models:
 * ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b + x + shift) − ln B(a, b), with shift 0 (BG/NBD) or 1 (MBG/NBD).
 * @param p parameters
 * @param x repeat purchases
 * @param shift 0 or 1
 * @param dropout ln of the dropout weight, or null
 * @param dropoutB ∂dropout/∂b
 * @returns the terms with their gradients
 */
export function sharedXTerms(p: BgParams, x: number, shift: number, dropout: number | null, dropoutB: number): XTerms {
  const { r, alpha, a, b } = p;
  const bx = b + x + shift;
  const abx = a + b + x + shift;
  const base = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + lgamma(a + b) + lgamma(bx) - lgamma(b) - lgamma(abx);
  const psiAB = digamma(a + b);
  const psiABX = digamma(abx);
  const dBase: [number, number, number, number] = [
    digamma(r + x) - digamma(r) + Math.log(alpha),
    r / alpha,
    psiAB - psiABX,
    psiAB + digamma(bx) - digamma(b) - psiABX,
  ];
  return { base, dBase, dropout, dDropoutA: dropout === null ? 0 : 1 / a, dDropoutB: dropout === null ? 0 : dropoutB };
}

function bgDropoutOdds(p: BgParams, x: number): number | null {
  return x > 0 ? Math.log(p.a) - Math.log(p.b + x - 1) : null;
}

/** Plain BG/NBD: a customer can only drop out after a repeat purchase. */
export const BGNBD: PurchaseModelSpec = {
  name: 'bgnbd',
  xTerms: (p, x) => sharedXTerms(p, x, 0, bgDropoutOdds(p, x), -1 / (p.b + x - 1)),
  dropoutOdds: bgDropoutOdds,
  hypParams: (p, x) => ({ b: p.b + x, c: p.a + p.b + x - 1 }),
};

/**
 * Probability that a customer with history (x, t_x, T) is still alive.
 * BG/NBD gives 1 for x = 0 (nobody drops out before a repeat purchase); the modified BG/NBD does not.
 * @param spec the model
 * @param p fitted parameters
 * @param x repeat purchases
 * @param tx recency (model units)
 * @param T age (model units)
 * @returns P(alive) in (0, 1]
 */
export function pAlive(spec: PurchaseModelSpec, p: BgParams, x: number, tx: number, T: number): number {
  const odds = spec.dropoutOdds(p, x);
  if (odds === null) return 1;
  const logRatio = odds + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(logRatio));
}

/**
 * The part of E[X(t) | x, t_x, T] that does not depend on t_x: the expectation for a customer
 * known to be alive at T, i.e. E[X(t) | x, t_x, T] = expectedIfAlive × P(alive).
 * Uses Euler's transformation of the ₂F₁ so that large x neither overflows nor needs long series.
 * @param spec the model
 * @param p fitted parameters
 * @param t horizon (model units)
 * @param x repeat purchases
 * @param T age (model units)
 * @returns expected repeat purchases in (T, T + t] for a customer alive at T
 */
export function expectedIfAlive(spec: PurchaseModelSpec, p: BgParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  if (Math.abs(p.a - 1) < 1e-6) {
    // a = 1 is a removable singularity (0/0): average the two sides
    return (expectedIfAlive(spec, { ...p, a: 1 - 2e-6 }, t, x, T) + expectedIfAlive(spec, { ...p, a: 1 + 2e-6 }, t, x, T)) / 2;
  }
  const { b, c } = spec.hypParams(p, x);
  const z = t / (p.alpha + T + t);
  // ₂F₁(r+x, b'; c; z)·(1−z)^(r+x) = ₂F₁(c−r−x, c−b'; c; z)·(1−z)^(c−b')
  const transformed = hyp2f1(c - p.r - x, c - b, c, z);
  const tail = transformed * Math.exp((c - b) * Math.log1p(-z));
  return (c / (p.a - 1)) * (1 - tail);
}

/**
 * Conditional expected number of repeat purchases in the next t units (FHL 2005 eq. 10;
 * Wagner & Hoppe 2008 for the modified model).
 * @param spec the model
 * @param p fitted parameters
 * @param t horizon (model units)
 * @param x repeat purchases
 * @param tx recency (model units)
 * @param T age (model units)
 * @returns expected repeat purchases in (T, T + t]
 */
export function conditionalExpected(spec: PurchaseModelSpec, p: BgParams, t: number, x: number, tx: number, T: number): number {
  return expectedIfAlive(spec, p, t, x, T) * pAlive(spec, p, x, tx, T);
}

/**
 * Expected repeat purchases in (0, t] for a new customer (x = t_x = T = 0): FHL 2005 eq. 9.
 * @param spec the model
 * @param p fitted parameters
 * @param t time since the first purchase (model units)
 * @returns E[X(t)]
 */
export function unconditionalExpected(spec: PurchaseModelSpec, p: BgParams, t: number): number {
  return conditionalExpected(spec, p, t, 0, 0, 0);
}
