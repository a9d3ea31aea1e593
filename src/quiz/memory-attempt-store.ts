import { InvalidInputError } from '../errors';
import { MemoryActivityDedup, recordActivity } from './activity-dedup';
import type { Attempt } from './attempt';
import { parseAttempt } from './attempt-schema';
import { validNewAttempt } from './attempt-store';
import type {
  AttemptStore,
  CreateAttemptOptions,
  CreateAttemptResult,
  ExpiryNotice,
  UpdateAttemptOptions,
} from './attempt-store';

interface Entry {
  /** The attempt as JSON, so reads return validated copies as the SQLite adapter does. */
  data: string;
  conversation: string;
  noticeDue: number | undefined;
  noticeTries: number;
}

/** Options of {@link MemoryAttemptStore}. */
export interface MemoryAttemptStoreOptions {
  /** Where the writes' activities are recorded; by default a dedup of the store's own. */
  activities?: MemoryActivityDedup;
}

/**
 * {@link AttemptStore} in memory, for tests and services' fakes. Same contract as
 * `SqliteAttemptStore`, checked by the same contract suite; nothing survives the process.
 */
export class MemoryAttemptStore implements AttemptStore {
  private readonly entries = new Map<string, Entry>();
  private readonly activities: MemoryActivityDedup;

  constructor(options: MemoryAttemptStoreOptions = {}) {
    this.activities = options.activities ?? new MemoryActivityDedup();
  }

  async create(
    attempt: Attempt,
    conversation: unknown,
    options: CreateAttemptOptions = {},
  ): Promise<CreateAttemptResult> {
    const valid = validNewAttempt(attempt);
    if (this.entries.has(valid.id)) throw new InvalidInputError(`attempt ${valid.id} exists`);
    if (this.all().some((a) => a.userId === valid.userId && a.status === 'in-progress')) {
      return 'attempt-running';
    }
    const max = options.maxContestAttempts;
    if (max !== undefined && valid.contestId !== undefined) {
      if ((await this.countContestAttempts(valid.userId, valid.contestId)) >= max) {
        return 'no-attempts-left';
      }
    }
    const created: Entry = {
      data: JSON.stringify(valid),
      conversation: JSON.stringify(conversation ?? null),
      noticeDue: undefined,
      noticeTries: 0,
    };
    recordActivity(this.activities, options.activity);
    this.entries.set(valid.id, created);
    return 'created';
  }

  async update(
    attempt: Attempt,
    expectedVersion: number,
    options: UpdateAttemptOptions = {},
  ): Promise<boolean> {
    if (!(attempt.version > expectedVersion)) {
      throw new InvalidInputError(
        `attempt ${attempt.id}: version ${attempt.version} must be above ${expectedVersion}`,
      );
    }
    const entry = this.entries.get(attempt.id);
    if (!entry) return false;
    const stored = parseAttempt(JSON.parse(entry.data));
    if (stored.version !== expectedVersion || stored.userId !== attempt.userId) return false;
    if (stored.status !== 'in-progress') return false;
    const data = JSON.stringify(attempt);
    const conversation =
      options.conversation === undefined
        ? entry.conversation
        : JSON.stringify(options.conversation);
    recordActivity(this.activities, options.activity);
    entry.data = data;
    entry.conversation = conversation;
    if (options.expiryNotice) entry.noticeDue = 0;
    return true;
  }

  async get(id: string): Promise<Attempt | undefined> {
    const entry = this.entries.get(id);
    return entry ? parseAttempt(JSON.parse(entry.data)) : undefined;
  }

  async getInProgress(userId: string): Promise<Attempt | undefined> {
    return this.all().find((a) => a.userId === userId && a.status === 'in-progress');
  }

  async latest(userId: string): Promise<Attempt | undefined> {
    // Entries keep their creation order.
    return this.all()
      .filter((a) => a.userId === userId)
      .at(-1);
  }

  async countContestAttempts(userId: string, contestId: string): Promise<number> {
    return this.all().filter((a) => a.userId === userId && a.contestId === contestId).length;
  }

  async listDue(at: number, limit = 100): Promise<Attempt[]> {
    return this.running()
      .filter((a) => a.deadline! <= at)
      .sort((a, b) => a.deadline! - b.deadline! || compare(a.id, b.id))
      .slice(0, Math.max(1, limit));
  }

  async nextDeadline(): Promise<number | undefined> {
    const deadlines = this.running().map((a) => a.deadline!);
    return deadlines.length > 0 ? Math.min(...deadlines) : undefined;
  }

  async getConversation(id: string): Promise<unknown> {
    const entry = this.entries.get(id);
    return entry ? (JSON.parse(entry.conversation) as unknown) : undefined;
  }

  async claimExpiryNotices(now: number, leaseMs: number, limit = 100): Promise<ExpiryNotice[]> {
    const due = [...this.entries.values()]
      .filter((e) => e.noticeDue !== undefined && e.noticeDue <= now)
      .map((e) => ({ e, attempt: parseAttempt(JSON.parse(e.data)) }))
      .sort(
        (x, y) =>
          x.e.noticeDue! - y.e.noticeDue! ||
          (x.attempt.deadline ?? 0) - (y.attempt.deadline ?? 0) ||
          compare(x.attempt.id, y.attempt.id),
      )
      .slice(0, Math.max(1, limit));
    return due.map(({ e, attempt }) => {
      e.noticeDue = now + Math.max(0, leaseMs);
      return { attempt, conversation: JSON.parse(e.conversation) as unknown, tries: e.noticeTries };
    });
  }

  async completeExpiryNotice(id: string, delivered: boolean, maxTries = 5): Promise<void> {
    const entry = this.entries.get(id);
    if (entry?.noticeDue === undefined) return;
    if (delivered) {
      entry.noticeDue = undefined;
      return;
    }
    entry.noticeTries++;
    if (entry.noticeTries >= maxTries) entry.noticeDue = undefined;
  }

  private all(): Attempt[] {
    return [...this.entries.values()].map((e) => parseAttempt(JSON.parse(e.data)));
  }

  private running(): Attempt[] {
    return this.all().filter((a) => a.status === 'in-progress' && a.deadline !== undefined);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
