/**
 * A small seeded PRNG (mulberry32): the same seed gives the same stream in Node and in browsers,
 * so clusters are reproducible. Never Math.random.
 */

/** A function returning uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Creates a seeded generator.
 * @param seed any integer
 * @returns a generator of uniform [0, 1) numbers
 * @example const rand = seededRandom(42); rand(); // always the same first value
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded sample of indices without replacement (partial Fisher–Yates), in ascending order.
 * @param n population size
 * @param size sample size (all of 0..n-1 when size ≥ n)
 * @param random the generator
 * @returns sorted indices
 */
export function sampleIndices(n: number, size: number, random: Random): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (size >= n) return all;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const tmp = all[i];
    all[i] = all[j];
    all[j] = tmp;
  }
  return all.slice(0, size).sort();
}
