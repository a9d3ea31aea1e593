import {
  DeadlineScheduler,
  type ExpiredAttempt,
  type ExpirySource,
  type TimerApi,
} from '../../../src/quiz';
import { MINUTE, T0 } from './fixtures';
import { expectKind, makeService, userOf, type ServiceFixture } from './quiz-service-setup';

/** Timers that only fire when the test says so. */
class ManualTimers implements TimerApi {
  readonly armed = new Map<number, { callback: () => void; delayMs: number }>();
  private next = 0;
  set(callback: () => void, delayMs: number): unknown {
    this.armed.set(++this.next, { callback, delayMs });
    return this.next;
  }
  clear(handle: unknown): void {
    this.armed.delete(handle as number);
  }
  /** The single armed delay (the scheduler keeps one timer). */
  get delay(): number | undefined {
    expect(this.armed.size).toBeLessThanOrEqual(1);
    return [...this.armed.values()][0]?.delayMs;
  }
  async fire(): Promise<void> {
    const [entry] = [...this.armed.entries()];
    if (!entry) throw new Error('no timer armed');
    this.armed.delete(entry[0]);
    entry[1].callback();
    // Let the sweep's promise chain run.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    await new Promise((r) => setImmediate(r));
  }
}

const logs = () => {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => lines.push({ level, obj, msg });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
};

describe('DeadlineScheduler with the quiz service', () => {
  let f: ServiceFixture;
  let timers: ManualTimers;
  let sent: ExpiredAttempt[];
  let failNext: boolean;
  let scheduler: DeadlineScheduler;
  let log: ReturnType<typeof logs>;

  beforeEach(async () => {
    f = await makeService({ onWake: (at) => scheduler.wake(at) });
    timers = new ManualTimers();
    sent = [];
    failNext = false;
    log = logs();
    scheduler = new DeadlineScheduler({
      source: f.service,
      notify: async (expired) => {
        if (failNext) {
          failNext = false;
          throw new Error('connector down');
        }
        sent.push(expired);
      },
      clock: () => f.clock.now,
      timers,
      logger: log.logger,
    });
  });
  afterEach(async () => {
    await scheduler.stop();
    f.close();
  });

  it('on start-up finalises attempts whose deadline passed while the server was down', async () => {
    const started = expectKind(await f.service.startContest(userOf('loc'), 'thu'), 'question');
    f.clock.now = started.attempt.deadline! + 10 * MINUTE;
    await scheduler.start();
    expect(sent.map((e) => [e.attempt.id, e.attempt.submitReason])).toEqual([
      [started.attempt.id, 'deadline'],
    ]);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'quiz time-up message sent' }),
    );
    // Idle: looks again after at most a minute.
    expect(timers.delay).toBe(60_000);
    await timers.fire();
    expect(sent).toHaveLength(1);
  });

  it('keeps one timer for the earliest deadline, re-armed when an attempt starts', async () => {
    await scheduler.start();
    expect(timers.delay).toBe(60_000);
    // sap-dong closes at T0 + 3 min; now is T0 + 1 min → deadline in 2 minutes, capped at 1.
    const soon = expectKind(await f.service.startContest(userOf('loc'), 'sap-dong'), 'question');
    expect(timers.delay).toBe(60_000);
    f.clock.now += 60_000;
    await timers.fire();
    expect(timers.delay).toBe(60_000);
    f.clock.now = soon.attempt.deadline! - 30_000;
    // A later deadline does not push the timer back.
    await f.service.startContest(userOf('phuc'), 'thu');
    expect(timers.delay).toBe(60_000);
    await timers.fire();
    expect(timers.delay).toBe(30_000);
    f.clock.now = soon.attempt.deadline!;
    await timers.fire();
    expect(sent.map((e) => e.attempt.userId)).toEqual(['loc']);
    expect(timers.armed.size).toBe(1);
  });

  it('fires early for a deadline sooner than the armed one', async () => {
    f.clock.now = T0 + 2 * MINUTE + 20_000;
    await scheduler.start();
    f.clock.now += 10_000; // sap-dong closes in 30 s
    await f.service.startContest(userOf('loc'), 'sap-dong');
    expect(timers.delay).toBe(30_000);
  });

  it('retries a failed delivery and never crashes', async () => {
    const started = expectKind(await f.service.startContest(userOf('loc'), 'thu'), 'question');
    f.clock.now = started.attempt.deadline!;
    failNext = true;
    await scheduler.start();
    expect(sent).toEqual([]);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: expect.stringMatching(/will retry/) }),
    );
    f.clock.now += 60_000;
    await timers.fire();
    expect(sent.map((e) => e.attempt.id)).toEqual([started.attempt.id]);
    f.clock.now += 10 * 60_000;
    await timers.fire();
    expect(sent).toHaveLength(1);
  });

  it('logs a failing source and stays armed', async () => {
    const broken: ExpirySource = {
      expireDue: () => Promise.reject(new Error('database is locked')),
      nextDeadline: () => Promise.reject(new Error('database is locked')),
    };
    const s = new DeadlineScheduler({
      source: broken,
      notify: async () => undefined,
      clock: () => f.clock.now,
      timers,
      logger: log.logger,
    });
    await s.start();
    expect(log.lines.filter((l) => l.level === 'error')).toHaveLength(2);
    expect(timers.delay).toBe(60_000);
    await s.stop();
    expect(timers.armed.size).toBe(0);
  });

  it('disarms on stop and ignores wakes afterwards', async () => {
    await scheduler.start();
    await scheduler.stop();
    scheduler.wake(f.clock.now);
    expect(timers.armed.size).toBe(0);
  });
});
