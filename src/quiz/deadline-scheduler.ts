import type { ExpiredAttempt } from './quiz-service';

/** Where expired attempts come from: the quiz service (see `QuizServiceImpl`). */
export interface ExpirySource {
  expireDue(now: number): Promise<ExpiredAttempt[]>;
  nextDeadline(): Promise<number | undefined>;
  /** Told whether each expired attempt's message was delivered (retry when not). */
  acknowledgeExpiry?(attemptId: string, delivered: boolean): Promise<void>;
}

/** A one-shot timer, injectable for tests. */
export interface TimerApi {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

/** The subset of a pino logger the scheduler writes to. */
export interface SchedulerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Dependencies and settings of {@link DeadlineScheduler}. */
export interface DeadlineSchedulerOptions {
  source: ExpirySource;
  /** Sends the person his result (a proactive message). A rejection is logged and retried. */
  notify: (expired: ExpiredAttempt) => Promise<void>;
  /** Epoch ms. */
  clock: () => number;
  /** Default: `setTimeout` with `unref`, so the timer never keeps the process alive. */
  timers?: TimerApi;
  /** Longest the timer sleeps before looking again (new attempts, retries); default 60 s. */
  maxDelayMs?: number;
  logger?: SchedulerLog;
}

/** Node's timers, unref'ed. */
export const unrefTimers: TimerApi = {
  set(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    handle.unref();
    return handle;
  },
  clear(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

const silent: SchedulerLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Submits attempts when their deadline passes, even if nobody writes again, and has each person
 * told. Keeps ONE timer armed for the earliest deadline (never longer than `maxDelayMs`, so new
 * attempts in other processes and failed deliveries are picked up); `wake(at)` re-arms it earlier
 * when an attempt starts. Each sweep calls `source.expireDue(now)`, then `notify` for every
 * expired attempt, and acknowledges the delivery. `start()` sweeps at once, which finalises the
 * attempts whose deadline passed while the server was down. Never throws: every failure is
 * logged and the timer stays armed.
 */
export class DeadlineScheduler {
  private readonly timers: TimerApi;
  private readonly maxDelayMs: number;
  private readonly log: SchedulerLog;
  private handle: unknown;
  private armedAt: number | undefined;
  private sweeping: Promise<void> | undefined;
  /** Earliest `wake` received while a sweep ran. */
  private wokenAt: number | undefined;
  private stopped = true;

  constructor(private readonly options: DeadlineSchedulerOptions) {
    this.timers = options.timers ?? unrefTimers;
    this.maxDelayMs = Math.max(1, options.maxDelayMs ?? 60_000);
    this.log = options.logger ?? silent;
  }

  /** Sweeps now (start-up catch-up), then keeps the timer armed until `stop`. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.sweep();
  }

  /** Something is due at epoch ms `at` (a new attempt's deadline): fire no later than then. */
  wake(at: number): void {
    if (this.stopped) return;
    // A sweep disarms first and arms again when done: until then, leave it a note.
    if (this.sweeping && this.armedAt === undefined) {
      this.wokenAt = Math.min(this.wokenAt ?? Infinity, at);
      return;
    }
    if (this.armedAt === undefined || at < this.armedAt) this.arm(at);
  }

  /** Disarms the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.disarm();
    await this.sweeping;
  }

  /** Epoch ms the timer is armed for, if any (for tests and diagnostics). */
  get nextWakeAt(): number | undefined {
    return this.armedAt;
  }

  /** Runs one sweep now (or joins the one running) and re-arms. */
  sweep(): Promise<void> {
    this.sweeping ??= this.runSweep().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  private async runSweep(): Promise<void> {
    this.disarm();
    const now = this.options.clock();
    let expired: ExpiredAttempt[] = [];
    try {
      expired = await this.options.source.expireDue(now);
    } catch (err) {
      this.log.error({ err }, 'could not finalise expired quiz attempts');
    }
    for (const item of expired) await this.deliver(item);
    if (this.stopped) return;
    let next: number | undefined;
    try {
      next = await this.options.source.nextDeadline();
    } catch (err) {
      this.log.error({ err }, 'could not read the next quiz deadline');
    }
    const at = Math.min(next ?? Infinity, this.wokenAt ?? Infinity);
    this.wokenAt = undefined;
    if (!this.stopped) this.arm(at);
  }

  private async deliver(item: ExpiredAttempt): Promise<void> {
    const { attempt } = item;
    const ids = { attemptId: attempt.id, userId: attempt.userId, contestId: attempt.contestId };
    let delivered = false;
    try {
      await this.options.notify(item);
      delivered = true;
      this.log.info({ ...ids, score: item.score.score }, 'quiz time-up message sent');
    } catch (err) {
      this.log.warn({ ...ids, err }, 'could not send the quiz time-up message; will retry');
    }
    try {
      await this.options.source.acknowledgeExpiry?.(attempt.id, delivered);
    } catch (err) {
      this.log.error({ ...ids, err }, 'could not record the quiz time-up message');
    }
  }

  private arm(at: number): void {
    this.disarm();
    const now = this.options.clock();
    const delay = Math.min(Math.max(0, at - now), this.maxDelayMs);
    this.armedAt = now + delay;
    this.handle = this.timers.set(() => {
      this.handle = undefined;
      this.armedAt = undefined;
      void this.sweep();
    }, delay);
  }

  private disarm(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
    this.armedAt = undefined;
  }
}
