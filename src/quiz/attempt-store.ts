import { InvalidInputError } from '../errors';
import type { ActivityKey } from './activity-dedup';
import type { Attempt } from './attempt';
import { parseAttempt } from './attempt-schema';

/** What {@link AttemptStore.create} did. */
export type CreateAttemptResult =
  /** Stored. */
  | 'created'
  /** Nothing stored: the user already has an attempt in progress (read it with `getInProgress`). */
  | 'attempt-running'
  /** Nothing stored: the user has used `maxContestAttempts` attempts of this contest. */
  | 'no-attempts-left';

/** Options of {@link AttemptStore.create}. */
export interface CreateAttemptOptions {
  /**
   * For a contest attempt: store it only if the user has fewer than this many attempts of the
   * contest (checked atomically with the insert, so two devices racing cannot both start the
   * last allowed attempt).
   */
  maxContestAttempts?: number;
  /** The inbound activity that starts the attempt: see "Activities" on {@link AttemptStore}. */
  activity?: ActivityKey;
}

/** Options of {@link AttemptStore.update}. */
export interface UpdateAttemptOptions {
  /** Replaces the stored conversation reference (where the person last acted). */
  conversation?: unknown;
  /**
   * The attempt was submitted by its deadline without the person seeing the result: queue a
   * proactive "time is up" message (see {@link AttemptStore.claimExpiryNotices}).
   */
  expiryNotice?: boolean;
  /** The inbound activity that causes the change: see "Activities" on {@link AttemptStore}. */
  activity?: ActivityKey;
}

/** An attempt whose "time is up" message is due, with where to send it. */
export interface ExpiryNotice {
  attempt: Attempt;
  conversation: unknown;
  /** Failed deliveries so far. */
  tries: number;
}

/**
 * Durable store of quiz attempts: the server-side truth of every practice and contest sitting.
 *
 * Contract, for every adapter:
 * - Attempts are stored whole (as `Attempt` JSON) and every read returns a validated copy
 *   (`parseAttempt`); changing it changes nothing stored. A stored record that fails validation
 *   makes the read reject with `InvalidInputError` rather than hand out corrupt state.
 * - A user has at most ONE attempt `in-progress` at any time, on any channel: `create` refuses a
 *   second one (`'attempt-running'`) atomically.
 * - `update(attempt, expectedVersion)` writes only when the stored version equals
 *   `expectedVersion` (optimistic concurrency: the version the caller read) and resolves `false`,
 *   writing nothing, on a conflict or an unknown id. The new record must carry a higher version.
 *   `id`, `userId`, `mode`, `contestId` never change. A submitted attempt is final: an update of
 *   it resolves `false`, so each attempt is submitted by exactly one successful update.
 * - Submitted attempts are kept (they count against `maxAttempts` and are needed for audit).
 * - Every instant is epoch milliseconds.
 * - Expiry notices are claimed with a lease: a claimed notice is not handed out again until
 *   `leaseMs` has passed (so a crash between claiming and delivering only delays the message),
 *   and disappears once `completeExpiryNotice(id, true)` is called.
 * - Activities: a `create` or `update` given `options.activity` records that activity as handled
 *   (see `ActivityDedup`, which reads the same record) atomically with the write: when the write
 *   is committed, so is the record, and a write that is refused, fails or conflicts records
 *   nothing. If the write would happen but the activity is already recorded (a channel delivered
 *   it twice), nothing is written and the call rejects with `DuplicateActivityError`.
 */
export interface AttemptStore {
  /**
   * Stores a new attempt (status `in-progress`, version 0) with the conversation reference of the
   * person who started it. Rejects if the id exists.
   */
  create(
    attempt: Attempt,
    conversation: unknown,
    options?: CreateAttemptOptions,
  ): Promise<CreateAttemptResult>;
  /** Writes `attempt` if the stored version is `expectedVersion`; `false` on conflict. */
  update(
    attempt: Attempt,
    expectedVersion: number,
    options?: UpdateAttemptOptions,
  ): Promise<boolean>;
  /** The attempt with this id, or `undefined`. */
  get(id: string): Promise<Attempt | undefined>;
  /** The user's attempt in progress (at most one), or `undefined`. */
  getInProgress(userId: string): Promise<Attempt | undefined>;
  /** The user's attempt created last, whatever its status, or `undefined`. */
  latest(userId: string): Promise<Attempt | undefined>;
  /** Attempts of this contest the user has started, submitted ones included, on any channel. */
  countContestAttempts(userId: string, contestId: string): Promise<number>;
  /** In-progress attempts with `deadline ≤ at`, earliest deadline first, at most `limit`. */
  listDue(at: number, limit?: number): Promise<Attempt[]>;
  /** The earliest deadline among in-progress attempts, or `undefined` when none has one. */
  nextDeadline(): Promise<number | undefined>;
  /** The stored conversation reference of the attempt, or `undefined`. */
  getConversation(id: string): Promise<unknown>;
  /**
   * Claims up to `limit` pending expiry notices that are not claimed at `now` (lease until
   * `now + leaseMs`), oldest first.
   */
  claimExpiryNotices(now: number, leaseMs: number, limit?: number): Promise<ExpiryNotice[]>;
  /**
   * Ends a claim: `delivered` removes the notice; otherwise the failure is counted and the notice
   * is retried after the lease, until `maxTries` failures (default 5), after which it is dropped.
   */
  completeExpiryNotice(id: string, delivered: boolean, maxTries?: number): Promise<void>;
}

/**
 * Validates an attempt handed to `AttemptStore.create`: well formed, in progress, version 0.
 * Shared by every adapter so they refuse the same things. Throws `InvalidInputError`.
 */
export function validNewAttempt(attempt: Attempt): Attempt {
  const valid = parseAttempt(attempt);
  if (valid.status !== 'in-progress' || valid.version !== 0) {
    throw new InvalidInputError('a new attempt must be in progress at version 0');
  }
  return valid;
}
