/**
 * Remembers which inbound activities were already handled, so that an activity a channel
 * delivers twice (retries after a timeout) is counted once.
 *
 * Contract, for every adapter:
 * - `firstSeen(channelId, activityId)` resolves `true` the first time the pair is seen and
 *   `false` for every later call with the same pair while it is remembered; the check and the
 *   recording are one atomic step, so of two concurrent calls exactly one gets `true`.
 * - A pair is remembered for at least `retentionMs` (a day by default) and may be forgotten after.
 * - An empty `activityId` (a channel that sends none) cannot be deduplicated: always `true`,
 *   nothing stored.
 */
export interface ActivityDedup {
  firstSeen(channelId: string, activityId: string): Promise<boolean>;
}

/** A day: longer than any channel keeps retrying an activity. */
export const DEFAULT_DEDUP_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Options of {@link MemoryActivityDedup}. */
export interface MemoryActivityDedupOptions {
  /** Epoch ms, injectable for tests. */
  clock?: () => number;
  retentionMs?: number;
}

/**
 * {@link ActivityDedup} in memory, for tests and services' fakes; same contract as the SQLite
 * adapter. Pairs older than the retention are pruned as new ones arrive.
 */
export class MemoryActivityDedup implements ActivityDedup {
  private readonly clock: () => number;
  private readonly retentionMs: number;
  /** Key → first-seen instant, in insertion (hence time) order. */
  private readonly seen = new Map<string, number>();

  constructor(options: MemoryActivityDedupOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.retentionMs = options.retentionMs ?? DEFAULT_DEDUP_RETENTION_MS;
  }

  async firstSeen(channelId: string, activityId: string): Promise<boolean> {
    if (!activityId) return true;
    const now = this.clock();
    for (const [key, at] of this.seen) {
      if (at > now - this.retentionMs) break;
      this.seen.delete(key);
    }
    const key = JSON.stringify([channelId, activityId]);
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }
}
