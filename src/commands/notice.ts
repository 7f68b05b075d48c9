import type { Analysis } from '../engine';

/** What the ribbon's Refresh announces to the task pane (same shared runtime, same window). */
export type RefreshNotice =
  | { state: 'start' }
  | { state: 'progress'; fraction: number; stage: string }
  /** `analysis` and `sheets`: what was written, so the pane shows the same figures as the sheets. */
  | { state: 'done'; customers: number; analysis?: Analysis; sheets?: string[] }
  /** `key`/`params` when the error has a string key: the pane shows it in its language. */
  | { state: 'error'; message: string; key?: string; params?: Record<string, string | number> };

/** Name of the window event that carries a RefreshNotice. */
export const REFRESH_EVENT = 'rfm-refresh';
