/**
 * Identical (x, t_x, T) histories grouped and weighted, as Fader and Hardie condense the data:
 * the likelihood is then summed over patterns, not customers. Each pattern also points at its
 * distinct x, t_x and T so that per-value terms (log-gammas, logs) are computed once per value.
 */

/** Weighted purchase patterns in model time units. */
export interface PurchaseGroups {
  /** Repeat purchase days per pattern. */
  x: Float64Array;
  /** Recency t_x per pattern (model units). */
  tx: Float64Array;
  /** Age T per pattern (model units). */
  T: Float64Array;
  /** Customers per pattern. */
  w: Float64Array;
  /** Pattern of each input customer. */
  groupOf: Int32Array;
  /** Distinct x values and each pattern's index into them. */
  xValues: Float64Array;
  xOf: Int32Array;
  /** Distinct t_x values and each pattern's index into them. */
  txValues: Float64Array;
  txOf: Int32Array;
  /** Distinct T values and each pattern's index into them. */
  TValues: Float64Array;
  TOf: Int32Array;
}

/**
 * Groups customers by identical (x, t_x, T).
 * @param x repeat purchase days per customer
 * @param recencyDays t_x in days per customer
 * @param ageDays T in days per customer
 * @param unitDays days per model time unit
 * @returns the weighted patterns
 */
export function groupPatterns(x: ArrayLike<number>, recencyDays: ArrayLike<number>, ageDays: ArrayLike<number>, unitDays: number): PurchaseGroups {
  const key = new Map<number | string, number>();
  const groupOf = new Int32Array(x.length);
  const gx: number[] = [];
  const gr: number[] = [];
  const ga: number[] = [];
  const gw: number[] = [];
  const keyOf = patternKey(x, recencyDays, ageDays);
  for (let i = 0; i < x.length; i++) {
    const k = keyOf(i);
    let g = key.get(k);
    if (g === undefined) {
      g = gx.length;
      key.set(k, g);
      gx.push(x[i]);
      gr.push(recencyDays[i] / unitDays);
      ga.push(ageDays[i] / unitDays);
      gw.push(0);
    }
    gw[g]++;
    groupOf[i] = g;
  }
  const xs = distinct(gx);
  const txs = distinct(gr);
  const Ts = distinct(ga);
  return {
    x: Float64Array.from(gx), tx: Float64Array.from(gr), T: Float64Array.from(ga), w: Float64Array.from(gw), groupOf,
    xValues: xs.values, xOf: xs.of, txValues: txs.values, txOf: txs.of, TValues: Ts.values, TOf: Ts.of,
  };
}

/**
 * A key per customer that is equal exactly when (x, t_x, T) are: one number (mixed radix) when all
 * three are whole numbers ≥ 0 small enough to stay exact, a string otherwise.
 */
function patternKey(x: ArrayLike<number>, r: ArrayLike<number>, a: ArrayLike<number>): (i: number) => number | string {
  let maxX = 0;
  let maxR = 0;
  let maxA = 0;
  let whole = true;
  for (let i = 0; i < x.length && whole; i++) {
    whole = Number.isInteger(x[i]) && Number.isInteger(r[i]) && Number.isInteger(a[i]) && x[i] >= 0 && r[i] >= 0 && a[i] >= 0;
    if (x[i] > maxX) maxX = x[i];
    if (r[i] > maxR) maxR = r[i];
    if (a[i] > maxA) maxA = a[i];
  }
  const rBase = maxR + 1;
  const aBase = maxA + 1;
  if (whole && (maxX + 1) * rBase * aBase <= Number.MAX_SAFE_INTEGER) return (i) => (x[i] * rBase + r[i]) * aBase + a[i];
  return (i) => `${x[i]}|${r[i]}|${a[i]}`;
}

/**
 * Distinct values of a list and, for each entry, the index of its value.
 * @param list the values
 * @returns the distinct values (first-seen order) and the index of each entry's value
 */
export function distinct(list: readonly number[]): { values: Float64Array; of: Int32Array } {
  const seen = new Map<number, number>();
  const values: number[] = [];
  const of = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    let v = seen.get(list[i]);
    if (v === undefined) {
      v = values.length;
      seen.set(list[i], v);
      values.push(list[i]);
    }
    of[i] = v;
  }
  return { values: Float64Array.from(values), of };
}

/**
 * Total weight of the patterns.
 * @param groups the patterns
 * @returns the number of customers
 */
export function totalWeight(groups: PurchaseGroups): number {
  let sum = 0;
  for (let g = 0; g < groups.w.length; g++) sum += groups.w[g];
  return sum;
}
