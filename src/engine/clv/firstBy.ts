/**
 * The first few items of a long list under a total order, without sorting the whole list: the
 * churn summary's short lists (10 most valuable, 100 likeliest to buy nothing, 1,000 at risk) out
 * of every customer.
 */

/**
 * The first `count` items by `compare`, in that order: the same as sorting a copy and taking the
 * first `count` when `compare` is a total order (no two items compare 0), in O(n log count).
 * @param items the items
 * @param count how many to keep
 * @param compare negative when a comes first
 * @returns the kept items, first first
 * @example firstBy([5, 1, 4, 2], 2, (a, b) => a - b) // [1, 2]
 */
export function firstBy<T>(items: Iterable<T>, count: number, compare: (a: T, b: T) => number): T[] {
  // a heap of the best `count` so far with the last of them at the root
  const heap: T[] = [];
  if (count <= 0) return heap;
  const later = (i: number, j: number): boolean => compare(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number): void => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  const siftDown = (from: number): void => {
    for (let i = from; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && later(l, top)) top = l;
      if (r < heap.length && later(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && later(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
