/** What the ribbon's Refresh announces to the task pane (same shared runtime, same window). */
export type RefreshNotice =
  | { state: 'start' }
  | { state: 'progress'; fraction: number; stage: string }
  | { state: 'done'; customers: number }
  | { state: 'error'; message: string };

/** Name of the window event that carries a RefreshNotice. */
export const REFRESH_EVENT = 'rfm-refresh';
