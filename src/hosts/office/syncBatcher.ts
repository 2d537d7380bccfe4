/**
 * Groups queued operations into round trips sized by payload: one `context.sync()` per batch, never
 * one per row. `reserve(bytes)` syncs first when the next operation would overflow the batch.
 */
export class SyncBatcher {
  private pending = 0;
  private queued = 0;
  /** Round trips made. */
  syncs = 0;
  /** Bytes sent so far (for progress). */
  sent = 0;

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    readonly budget: number,
    private readonly hooks: {
      /** Called before anything of a new batch is queued; may throw to stop (cancellation) with nothing pending. */
      beforeBatch?: () => void;
      /** Queued first in every batch (e.g. suspending calculation until the batch's sync). */
      onBatchStart?: () => void;
    } = {},
  ) {}

  /** Make room for an operation of `bytes`; the caller queues it right after. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.pending + bytes > this.budget) await this.flush();
    if (this.queued === 0) {
      this.hooks.beforeBatch?.();
      this.hooks.onBatchStart?.();
    }
    this.pending += bytes;
    this.queued++;
  }

  /** Sync what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.queued === 0) return;
    await this.context.sync();
    this.syncs++;
    this.sent += this.pending;
    this.pending = 0;
    this.queued = 0;
  }
}
