import { DuplicateActivityError } from '../errors';

/** An inbound activity, as a channel identifies it: the same pair on every delivery of it. */
export interface ActivityKey {
  channelId: string;
  activityId: string;
}

/**
 * Remembers which inbound activities were already handled, so that an activity a channel
 * delivers twice (retries after a timeout) is counted once.
 *
 * An activity counts as handled once the state change it causes is committed: the attempt store
 * records the key in the same transaction as the change (`UpdateAttemptOptions.activity`,
 * `CreateAttemptOptions.activity`), so a turn that fails before its change is committed leaves no
 * mark and the channel's retry is handled normally.
 *
 * Contract, for every adapter:
 * - `record(channelId, activityId)` records the pair and returns `true` the first time the pair
 *   is seen and `false` for every later call with the same pair while it is remembered; the check
 *   and the recording are one atomic step, so of two concurrent calls exactly one gets `true`. It
 *   is synchronous so that an attempt store can call it inside its own transaction.
 * - `isHandled(channelId, activityId)` only reads: `true` while the pair is remembered (recorded by
 *   `record`, which an attempt store write carrying it calls), else `false`.
 * - A pair is remembered for at least `retentionMs` (a day by default) and may be forgotten after.
 * - An empty `activityId` (a channel that sends none) cannot be deduplicated: `record` always
 *   `true`, `isHandled` always `false`, nothing stored.
 */
export interface ActivityDedup {
  record(channelId: string, activityId: string): boolean;
  isHandled(channelId: string, activityId: string): Promise<boolean>;
}

/**
 * Records the activity of a write about to be made (an attempt store's `create` or `update`
 * given `options.activity`), synchronously so that it is atomic with the write. Throws
 * `DuplicateActivityError` when the activity was handled already: the write must not happen.
 */
export function recordActivity(dedup: ActivityDedup, activity: ActivityKey | undefined): void {
  if (activity && !dedup.record(activity.channelId, activity.activityId)) {
    throw new DuplicateActivityError(activity.channelId, activity.activityId);
  }
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
 * adapter. Pairs older than the retention are pruned as new ones arrive. `MemoryAttemptStore`
 * records its writes' activities here (`record`).
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

  async isHandled(channelId: string, activityId: string): Promise<boolean> {
    if (!activityId) return false;
    const at = this.seen.get(keyOf(channelId, activityId));
    return at !== undefined && at > this.clock() - this.retentionMs;
  }

  record(channelId: string, activityId: string): boolean {
    if (!activityId) return true;
    const now = this.clock();
    for (const [key, at] of this.seen) {
      if (at > now - this.retentionMs) break;
      this.seen.delete(key);
    }
    const key = keyOf(channelId, activityId);
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }
}

function keyOf(channelId: string, activityId: string): string {
  return JSON.stringify([channelId, activityId]);
}
