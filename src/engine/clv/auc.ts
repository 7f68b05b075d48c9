/**
 * Area under the ROC curve of a ranking, as the Mann–Whitney statistic: the probability that a
 * randomly chosen positive scores higher than a randomly chosen negative, ties counting 1/2.
 */

/**
 * AUC of `scores` for telling positives from negatives (a higher score should mean "positive").
 * Uses mid-ranks, so tied scores count 1/2 whatever their order. O(n log n).
 * @param scores one score per item
 * @param positive 1 (or true) for a positive item, 0 (or false) for a negative one; same length as scores
 * @returns the AUC in [0, 1], or null when there is no positive or no negative item
 * @throws RangeError when the lengths differ or a score is not finite
 * @example rocAuc([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0]) // 0.875
 */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<number | boolean>): number | null {
  const n = scores.length;
  if (positive.length !== n) throw new RangeError(`rocAuc: ${n} scores but ${positive.length} labels`);
  const order = new Int32Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(scores[i])) throw new RangeError(`rocAuc: score ${i} is not finite`);
    order[i] = i;
    if (positive[i]) positives++;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  order.sort((a, b) => scores[a] - scores[b]);
  // sum of the positives' mid-ranks (1-based)
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && scores[order[end]] === scores[order[start]]) end++;
    const midRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if (positive[order[k]]) rankSum += midRank;
    start = end;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
