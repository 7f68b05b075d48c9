/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) in the form of Fader & Hardie,
 * "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005,
 * http://www.brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf): purchases at
 * rate λ ~ Gamma(r, α) while alive, an exponential lifetime with rate μ ~ Gamma(s, β).
 *
 * Every ₂F₁ of the model comes from one integral, ∫ (α+τ)^−p (β+τ)^−q dτ (`logPowerTail`), which
 * is summed as a series in (|α−β|)/(max(α,β)+t) — below 1 whichever of α, β is larger (the
 * "α vs β" switch of BTYD's pnbd.LL and CLVTools' pnbd_LL_ind) — after Euler's transformation, so
 * that every term is positive (no cancellation) and the series never diverges.
 */
import { hyp2f1, lgamma } from './special';

/** Population parameters: Gamma(r, α) purchase rates, Gamma(s, β) dropout rates. */
export interface PnbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * ln ∫_t^∞ (α+τ)^−p (β+τ)^−q dτ for p + q > 1.
 * Expanding the smaller base around the larger one, (β+τ)^−q = (α+τ)^−q (1 − (α−β)/(α+τ))^−q for
 * α ≥ β, and integrating term by term gives (m+t)^−A / A · ₂F₁(A, q; A+1; z) with A = p+q−1,
 * m = α, z = (α−β)/(α+t); for α < β the roles swap (m = β, second parameter p). Euler's
 * transformation ₂F₁(A, b; A+1; z) = (1−z)^(1−b) ₂F₁(1, A+1−b; A+1; z) leaves a series of
 * positive terms that shrink at least as fast as zⁿ.
 * @param alpha α (> 0)
 * @param beta β (> 0)
 * @param p exponent of α + τ
 * @param q exponent of β + τ
 * @param t lower limit (≥ 0)
 * @returns the log of the integral
 */
export function logPowerTail(alpha: number, beta: number, p: number, q: number, t: number): number {
  const m = Math.max(alpha, beta);
  const b = alpha >= beta ? q : p;
  const A = p + q - 1;
  const z = Math.abs(alpha - beta) / (m + t);
  return -A * Math.log(m + t) - Math.log(A) + (1 - b) * Math.log1p(-z) + Math.log(hyp2f1OneB(A + 1 - b, A + 1, z));
}

/** Above this z the power series of ₂F₁(1, B; C; z) (terms shrinking like zⁿ) gives way to Gauss's continued fraction. */
const CONTINUED_FRACTION_FROM = 0.5;

/** Cap on continued-fraction terms: about 6,000 are needed at z = 1 − 1e-5. */
const MAX_FRACTION_TERMS = 100000;

/**
 * ₂F₁(1, B; C; z) for 0 ≤ z < 1 and C > B > 0, the only ₂F₁ the Pareto/NBD needs.
 * Near z = 1 (one of α, β far larger than the other, as when the fit explores a model without
 * dropout) the series needs ~ln(ε)/ln z terms — millions — so above z = ½ the value comes from
 * Gauss's continued fraction for ₂F₁(a, b+1; c+1; z)/₂F₁(a, b; c; z) with a = B, b = 0, c = C − 1
 * (DLMF 15.7.5; Abramowitz & Stegun; its convergents settle like ((1−√(1−z))/(1+√(1−z)))ⁿ),
 * evaluated by the modified Lentz method (Numerical Recipes 5.2).
 * @param B second numerator parameter (the first is 1)
 * @param C denominator parameter
 * @param z argument in [0, 1)
 * @returns the value
 * @example hyp2f1OneB(1, 2, 0.99999) // = −ln(1−z)/z = 11.5130…
 */
export function hyp2f1OneB(B: number, C: number, z: number): number {
  if (z <= CONTINUED_FRACTION_FROM) return hyp2f1(1, B, C, z);
  const a = B;
  const c = C - 1;
  const tiny = 1e-300;
  // g = 1 − k1 z/(1 − k2 z/(1 − …)); F = 1/g
  let f = 1;
  let Cl = f;
  let D = 0;
  for (let j = 1; j <= MAX_FRACTION_TERMS; j++) {
    const m = Math.floor(j / 2);
    const k = j % 2 === 1 ? ((a + m) * (c + m)) / ((c + 2 * m) * (c + 2 * m + 1)) : (m * (c - a + m)) / ((c + 2 * m - 1) * (c + 2 * m));
    const aj = -k * z;
    D = 1 + aj * D;
    if (D === 0) D = tiny;
    Cl = 1 + aj / Cl;
    if (Cl === 0) Cl = tiny;
    D = 1 / D;
    const delta = Cl * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return 1 / f;
}

/**
 * ln ∫_{t1}^{t2} (α+τ)^−p (β+τ)^−q dτ (−Infinity when t2 ≤ t1).
 * @param alpha α
 * @param beta β
 * @param p exponent of α + τ
 * @param q exponent of β + τ
 * @param t1 lower limit
 * @param t2 upper limit (may be Infinity)
 * @returns the log of the integral
 */
export function logPowerIntegral(alpha: number, beta: number, p: number, q: number, t1: number, t2: number): number {
  if (!(t2 > t1)) return -Infinity;
  const lower = logPowerTail(alpha, beta, p, q, t1);
  if (t2 === Infinity) return lower;
  return joinTails(lower, logPowerTail(alpha, beta, p, q, t2));
}

/**
 * The two branches of one customer's likelihood, without the factor Γ(r+x)α^r β^s / Γ(r):
 * `alive` = ln[(α+T)^−(r+x) (β+T)^−s] (still alive at T) and `died` = ln[s ∫_{t_x}^T (α+τ)^−(r+x)
 * (β+τ)^−(s+1) dτ] (died between the last purchase and T; FH 2005 eq. 18–20).
 */
function branches(p: PnbdParams, x: number, tx: number, T: number): { alive: number; died: number } {
  const tail = (t: number): number => logPowerTail(p.alpha, p.beta, p.r + x, p.s + 1, t);
  return { alive: aliveBranch(p, x, T), died: diedBranch(p, tail(tx), tail(T), tx, T) };
}

/**
 * ln L of one customer (x repeat purchases, last at t_x, observed for T).
 * @param p parameters
 * @param x repeat purchases
 * @param tx recency (model units)
 * @param T age (model units)
 * @param lgammaRx ln Γ(r+x), when the caller has it cached
 * @returns the log-likelihood
 */
export function pnbdLogLikelihood(p: PnbdParams, x: number, tx: number, T: number, lgammaRx = lgamma(p.r + x)): number {
  const { alive, died } = branches(p, x, tx, T);
  return joinBranches(p, lgammaRx, alive, died);
}

/**
 * ln L from the two branches: ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln(e^alive + e^died).
 * @param p parameters
 * @param lgammaRx ln Γ(r+x)
 * @param alive the alive branch (branches)
 * @param died the died branch (−Infinity when T = t_x)
 * @returns the log-likelihood
 */
export function joinBranches(p: PnbdParams, lgammaRx: number, alive: number, died: number): number {
  const top = Math.max(alive, died);
  const sum = top + Math.log(Math.exp(alive - top) + (died === -Infinity ? 0 : Math.exp(died - top)));
  return lgammaRx - lgamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta) + sum;
}

/**
 * The alive branch, ln[(α+T)^−(r+x) (β+T)^−s].
 * @param p parameters
 * @param x repeat purchases
 * @param T age (model units)
 * @returns the branch
 */
export function aliveBranch(p: PnbdParams, x: number, T: number): number {
  return -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T);
}

/**
 * The died branch from the two tails of its integral (logPowerTail at t_x and at T, exponents
 * r+x and s+1): ln s + ln ∫_{t_x}^T, as logPowerIntegral joins them; −Infinity when T ≤ t_x.
 * @param p parameters
 * @param lowerTail the tail at t_x
 * @param upperTail the tail at T
 * @param tx recency
 * @param T age
 * @returns the branch
 */
export function diedBranch(p: PnbdParams, lowerTail: number, upperTail: number, tx: number, T: number): number {
  return Math.log(p.s) + (T > tx ? joinTails(lowerTail, upperTail) : -Infinity);
}

/** ln(e^lower − e^upper) for lower > upper: the integral between two tails. */
function joinTails(lower: number, upper: number): number {
  return lower + Math.log(-Math.expm1(upper - lower));
}

/**
 * P(alive at T | x, t_x, T): the "alive" branch's share of the likelihood (FH 2005 eq. 21).
 * @param p parameters
 * @param x repeat purchases
 * @param tx recency (model units)
 * @param T age (model units)
 * @returns P(alive) in (0, 1]
 */
export function pnbdPAlive(p: PnbdParams, x: number, tx: number, T: number): number {
  const { alive, died } = branches(p, x, tx, T);
  return died === -Infinity ? 1 : 1 / (1 + Math.exp(died - alive));
}

/**
 * Expected purchases in (T, T+t] for a customer alive at T (FH 2005 eq. 22 without P(alive)):
 * (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)], with its limit at s = 1.
 * @param p parameters
 * @param t horizon (model units)
 * @param x repeat purchases
 * @param T age (model units)
 * @returns expected purchases if alive
 */
export function pnbdExpectedIfAlive(p: PnbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const B = p.beta + T;
  const L = Math.log1p(t / B);
  const sm1 = p.s - 1;
  const factor = Math.abs(sm1 * L) < 1e-10 ? L : -Math.expm1(-sm1 * L) / sm1;
  return ((p.r + x) * B * factor) / (p.alpha + T);
}

/**
 * P(at least one purchase in (T, T+h] | alive at T). Given alive at T, λ ~ Gamma(r+x, α+T) and
 * μ ~ Gamma(s, β+T) independently; the first purchase comes at τ before death and before h with
 * probability ∫_0^h λ e^−(λ+μ)u du, whose mean over the two gammas is
 * (r+x)(α+T)^(r+x) (β+T)^s ∫_0^h (α+T+u)^−(r+x+1) (β+T+u)^−s du.
 * @param p parameters
 * @param x repeat purchases
 * @param T age (model units)
 * @param h horizon (model units)
 * @returns the probability
 */
export function pnbdPurchaseIfAlive(p: PnbdParams, x: number, T: number, h: number): number {
  if (!(h > 0)) return 0;
  const a = p.alpha + T;
  const b = p.beta + T;
  const rx = p.r + x;
  // shift τ = T + u so that the integral is over (T, T+h] with the population α, β
  const logIntegral = logPowerIntegral(p.alpha, p.beta, rx + 1, p.s, T, T + h);
  return Math.min(1, Math.exp(Math.log(rx) + rx * Math.log(a) + p.s * Math.log(b) + logIntegral));
}
