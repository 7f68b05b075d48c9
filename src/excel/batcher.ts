/**
 * Groups queued writes into syncs of at most a byte budget: many small blocks share one sync, a big
 * block is split into chunks of about budget / 1.5 (chunks.ts) that each get their own. Fewer round
 * trips, and no request near the 5 MB limit.
 */
import { PAYLOAD_BUDGET_BYTES } from './chunks';

/** Per-sync hooks: suspend calculation at the start of a batch, report rows done. */
export interface ChunkHooks {
  beforeSync(context: Excel.RequestContext): void;
  rowsDone(rows: number): void;
  budgetBytes?: number;
}

/** Queues writes and syncs when the next one would pass the budget. */
export class SyncBatcher {
  private pendingBytes = 0;
  private pendingRows = 0;
  readonly budgetBytes: number;

  /**
   * @param context the Excel request context every queued write goes to
   * @param hooks `beforeSync` at the start of each batch, `rowsDone` after its sync; `budgetBytes` overrides the payload budget
   */
  constructor(private readonly context: Excel.RequestContext, private readonly hooks: ChunkHooks) {
    this.budgetBytes = hooks.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  }

  /**
   * Queues one write of about `bytes` bytes covering `rows` rows; syncs first when it would not fit.
   * @param queue queues the Office.js commands
   */
  async add(bytes: number, rows: number, queue: () => void): Promise<void> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.budgetBytes) await this.flush();
    if (this.pendingBytes === 0) this.hooks.beforeSync(this.context);
    queue();
    this.pendingBytes += Math.max(1, bytes);
    this.pendingRows += rows;
  }

  /** Syncs what is queued. */
  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    await this.context.sync();
    this.hooks.rowsDone(this.pendingRows);
    this.pendingBytes = 0;
    this.pendingRows = 0;
  }
}
