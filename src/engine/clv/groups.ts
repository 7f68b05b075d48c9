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
  const key = new Map<string, number>();
  const groupOf = new Int32Array(x.length);
  const gx: number[] = [];
  const gr: number[] = [];
  const ga: number[] = [];
  const gw: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const k = `${x[i]}|${recencyDays[i]}|${ageDays[i]}`;
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
