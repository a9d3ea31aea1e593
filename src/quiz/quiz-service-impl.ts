import type { DirectoryRepository, Person } from '../directory';
import { DuplicateActivityError } from '../errors';
import { foldDiacritics } from '../language';
import {
  answerQuestion,
  answerTiebreak,
  currentIndex,
  expireIfDue,
  startAttempt,
  submitAttempt,
  type AnswerRejection,
  type Attempt,
} from './attempt';
import type { AttemptStore, CreateAttemptResult } from './attempt-store';
import {
  checkContestStart,
  contestCandidate,
  contestPhase,
  isInAudience,
  type Contest,
  type ContestCandidate,
} from './contest-rules';
import type { QuizBank } from './quiz-bank-loader';
import { awaitsTiebreak, currentStep, finishedAttempt, rejected } from './quiz-outcomes';
import type {
  ContestListing,
  ExpiredAttempt,
  QuizAnswerInput,
  QuizOutcome,
  QuizService,
  QuizUser,
} from './quiz-service';
import { looksLikeChoice, parseTypedAnswer, parseTypedNumber } from './typed-answer';

/** Dependencies and settings of {@link QuizServiceImpl}. */
export interface QuizServiceImplOptions {
  bank: QuizBank;
  contests: readonly Contest[];
  store: AttemptStore;
  directory: DirectoryRepository;
  /** Epoch ms. */
  clock: () => number;
  /** A new unique attempt id (e.g. `crypto.randomUUID`). */
  newId: () => string;
  /** A seed in `0..MAX_SEED` from a real random source (e.g. `crypto.randomInt(MAX_SEED + 1)`). */
  newSeed: () => number;
  /** Questions in a practice. */
  practiceCount: number;
  /**
   * Told when something becomes due at epoch ms `at`: the deadline of an attempt just started,
   * or `now` when an expiry notice was queued. The deadline scheduler re-arms its timer.
   */
  onWake?: (at: number) => void;
  /** How long an expiry notice handed out by `expireDue` stays claimed; default 60 s. */
  noticeLeaseMs?: number;
}

/** What one read of the running attempt leads to: the outcome, and a write to make first. */
interface Step {
  outcome: QuizOutcome | undefined;
  write?: { attempt: Attempt; expected: number; expiryNotice?: boolean };
}

/** A typed answer resolved on the first try, replayed as such if the write has to be retried. */
type Pinned =
  | { kind: 'choice'; attemptId: string; index: number; choice: number }
  | { kind: 'tiebreak'; attemptId: string; value: number };

const BATCH = 500;
/**
 * How long after a deadline that submitted a person's last attempt an answer typed with nothing
 * running is told that time ran out, rather than that nothing runs.
 */
const RECENT_DEADLINE_MS = 15 * 60_000;

/**
 * {@link QuizService} on an {@link AttemptStore} and the directory. Every call reads the stored
 * attempt, decides with the pure engine and writes back with optimistic concurrency; when the
 * write loses a race it reads again and decides again once, then answers `conflict`. The store is
 * the only state: any number of instances may share it.
 *
 * Rules beyond the port's TSDoc:
 * - An attempt whose deadline has passed is submitted by the first call that sees it.
 *   `answer`, `submit`, `cancel` and `resume` then return its `finished` result; the other calls
 *   queue a proactive "time is up" message (as `expireDue` does) and go on as if nothing ran.
 * - Starting while an attempt runs: the same kind (a practice, or the same contest) is resumed
 *   (`resumed: true`); anything else is `attempt-running` with the running attempt.
 * - A button answer: another person's or an unknown attempt is `wrong-attempt`; an answer that is
 *   already recorded with the same choice (a retried activity, a double click) is `duplicate`,
 *   with another choice `already-answered`; an attempt of this person that has ended is
 *   `deadline-passed` if time ran out, else `wrong-attempt` while another attempt runs, else
 *   `no-active-attempt`.
 * - A typed answer when nothing runs: `deadline-passed` if the person's last attempt was
 *   submitted by its deadline at most `RECENT_DEADLINE_MS` ago (the answer came just too late,
 *   and the proactive message may not have arrived), else `no-active-attempt`. `/nopbai` and
 *   `/huy` when nothing runs: `nothing-running`.
 * - A typed answer applies to the question current when it is read; if the write is retried, it
 *   still applies to that question (so it cannot slide onto the next one). Text that is no
 *   choice at all is `invalid-answer`; a letter or number beyond the options is
 *   `choice-out-of-range`. While the tiebreak is asked, the text is read as a number
 *   (`invalid-prediction` when it is none).
 * - Practice answers carry `feedback`; the last answer carries it on the `finished` outcome too.
 * - `expireDue` also hands out notices queued earlier and not yet acknowledged (a crash or a
 *   failed delivery); the caller reports each delivery with `acknowledgeExpiry`.
 * - `user.activity` goes with the write a call makes for it (`startPractice`, `startContest`,
 *   a typed `answer`, `submit`, `cancel`); the store refusing it as already handled makes the call
 *   `duplicate`. A button answer needs no record of its activity (see above: a second delivery
 *   finds its answer recorded), nor do the writes that settle a passed deadline on the side.
 */
export class QuizServiceImpl implements QuizService {
  private readonly contestsById: ReadonlyMap<string, Contest>;

  constructor(private readonly options: QuizServiceImplOptions) {
    this.contestsById = new Map(options.contests.map((c) => [c.id, c]));
  }

  async startPractice(user: QuizUser, topic?: string): Promise<QuizOutcome> {
    const topicId = topic === undefined || topic.trim() === '' ? undefined : this.topicId(topic);
    if (topicId === null) return rejected('unknown-topic');
    for (let round = 0; ; round++) {
      const now = this.options.clock();
      const running = await this.settle(user.userId, now);
      if (running) return this.resumeOrRefuse(running, (a) => a.mode === 'practice', now);
      if (round > 0) return rejected('conflict');
      const { bank, practiceCount } = this.options;
      const available = topicId
        ? bank.topics.find((t) => t.id === topicId)!.questions.length
        : bank.questions.length;
      const attempt = startAttempt({
        mode: 'practice',
        id: this.options.newId(),
        userId: user.userId,
        seed: this.options.newSeed(),
        startedAt: now,
        bank,
        count: Math.min(practiceCount, available),
        ...(topicId ? { topic: topicId } : {}),
      });
      const created = await this.create(user, attempt);
      if (created === 'duplicate') return { kind: 'duplicate' };
      if (created === 'created') return currentStep(attempt, undefined, bank, now)!;
    }
  }

  async listContests(user: QuizUser): Promise<QuizOutcome> {
    const now = this.options.clock();
    const person = await this.options.directory.getPerson(user.userId);
    if (!person) return rejected('not-in-directory');
    const running = await this.settle(user.userId, now);
    const candidate = await this.candidate(person);
    const items: ContestListing[] = [];
    for (const contest of this.options.contests) {
      if (contestPhase(contest, now) !== 'open' || !isInAudience(contest.audience, candidate)) {
        continue;
      }
      const used = await this.options.store.countContestAttempts(user.userId, contest.id);
      items.push({
        contest,
        attemptsLeft: Math.max(0, contest.maxAttempts - used),
        effectiveDeadline: effectiveDeadline(contest, now),
        ...(running?.contestId === contest.id ? { running: true } : {}),
      });
    }
    return { kind: 'contests', items };
  }

  async prepareContest(user: QuizUser, contestId: string): Promise<QuizOutcome> {
    const checked = await this.checkStart(user, contestId);
    if ('outcome' in checked) return checked.outcome;
    const { contest, attemptsLeft, now } = checked;
    return {
      kind: 'confirm',
      listing: { contest, attemptsLeft, effectiveDeadline: effectiveDeadline(contest, now) },
    };
  }

  async startContest(user: QuizUser, contestId: string): Promise<QuizOutcome> {
    for (let round = 0; round < 2; round++) {
      const checked = await this.checkStart(user, contestId);
      if ('outcome' in checked) return checked.outcome;
      const { contest, now } = checked;
      const attempt = startAttempt({
        mode: 'contest',
        id: this.options.newId(),
        userId: user.userId,
        seed: this.options.newSeed(),
        startedAt: now,
        bank: this.options.bank,
        contest,
      });
      const created = await this.create(user, attempt, contest.maxAttempts);
      if (created === 'duplicate') return { kind: 'duplicate' };
      if (created === 'no-attempts-left') return rejected('no-attempts-left');
      if (created === 'created') {
        if (attempt.deadline !== undefined) this.options.onWake?.(attempt.deadline);
        return currentStep(attempt, contest, this.options.bank, now)!;
      }
      // Another device started one meanwhile: the next round resumes or refuses it.
    }
    return rejected('conflict');
  }

  async answer(user: QuizUser, input: QuizAnswerInput): Promise<QuizOutcome> {
    let pinned: Pinned | undefined;
    // A button names its attempt and question: the recorded answer makes a second delivery a
    // `duplicate` by itself, so its activity need not be recorded too. A typed one needs it.
    const actor = input.kind === 'button' ? withoutActivity(user) : user;
    const outcome = await this.transact(actor, async (running, now) => {
      if (running) {
        const expired = expireIfDue(running, now);
        if (expired !== running) return this.finishStep(running, expired, now);
      }
      if (pinned?.kind === 'tiebreak') return this.tiebreakStep(running, pinned, now);
      if (pinned) return this.choiceStep(user, running, pinned, now);
      if (input.kind === 'button') {
        const { attemptId, index, choice } = input;
        return this.choiceStep(user, running, { kind: 'choice', attemptId, index, choice }, now);
      }
      if (!running) {
        const late = await this.endedByDeadlineLately(user.userId, now);
        return { outcome: rejected(late ? 'deadline-passed' : 'no-active-attempt') };
      }
      const contest = this.contestOf(running);
      if (awaitsTiebreak(running, contest)) {
        const value = parseTypedNumber(input.text);
        if (value === undefined) return { outcome: rejected('invalid-prediction') };
        pinned = { kind: 'tiebreak', attemptId: running.id, value };
        return this.tiebreakStep(running, pinned, now);
      }
      const index = currentIndex(running);
      if (index === undefined) return this.submitStep(running, now, 'complete');
      const optionCount = running.plan[index]!.optionOrder.length;
      const choice = parseTypedAnswer(input.text, optionCount);
      if (choice === undefined) {
        const reason = looksLikeChoice(input.text) ? 'choice-out-of-range' : 'invalid-answer';
        return { outcome: rejected(reason) };
      }
      pinned = { kind: 'choice', attemptId: running.id, index, choice };
      return this.choiceStep(user, running, pinned, now);
    });
    return outcome!;
  }

  async submit(user: QuizUser): Promise<QuizOutcome> {
    const outcome = await this.transact(user, async (running, now) => {
      if (!running) return { outcome: rejected('nothing-running') };
      return this.submitStep(running, now, 'user');
    });
    return outcome!;
  }

  async cancel(user: QuizUser): Promise<QuizOutcome> {
    const outcome = await this.transact(user, async (running, now) => {
      if (!running) return { outcome: rejected('nothing-running') };
      const expired = expireIfDue(running, now);
      if (expired !== running) return this.finishStep(running, expired, now);
      if (running.mode === 'contest') return { outcome: rejected('contest-cannot-be-cancelled') };
      const done = submitAttempt(running, now, 'cancelled');
      if (!done.ok) return { outcome: rejected('no-active-attempt') };
      return {
        outcome: { kind: 'cancelled', attempt: done.attempt },
        write: { attempt: done.attempt, expected: running.version },
      };
    });
    return outcome!;
  }

  async resume(user: QuizUser): Promise<QuizOutcome | undefined> {
    // Resuming is a read: a deadline found passed is not this activity's effect (a turn may go on
    // to another call that changes something on its behalf).
    return this.transact(withoutActivity(user), async (running, now) => {
      if (!running) return { outcome: undefined };
      const expired = expireIfDue(running, now);
      if (expired !== running) return this.finishStep(running, expired, now);
      const step = currentStep(running, this.contestOf(running), this.options.bank, now, {
        resumed: true,
      });
      return step ? { outcome: step } : this.submitStep(running, now, 'complete');
    });
  }

  async expireDue(now: number): Promise<ExpiredAttempt[]> {
    const { store } = this.options;
    for (;;) {
      const due = await store.listDue(now, BATCH);
      let finalised = 0;
      for (const attempt of due) {
        const expired = expireIfDue(attempt, now);
        // A lost race means someone else submitted it meanwhile: nothing to do.
        if (
          expired !== attempt &&
          (await store.update(expired, attempt.version, { expiryNotice: true }))
        ) {
          finalised++;
        }
      }
      if (due.length < BATCH || finalised === 0) break;
    }
    const notices = await store.claimExpiryNotices(
      now,
      this.options.noticeLeaseMs ?? 60_000,
      BATCH,
    );
    return notices.map((n) => ({
      ...finishedAttempt(n.attempt, this.contestOf(n.attempt), this.options.bank, now),
      conversation: n.conversation,
    }));
  }

  /**
   * Reports the delivery of an expiry notice handed out by `expireDue`: delivered notices are
   * never handed out again; failed ones are retried after the lease, a few times at most.
   */
  async acknowledgeExpiry(attemptId: string, delivered: boolean): Promise<void> {
    await this.options.store.completeExpiryNotice(attemptId, delivered);
  }

  async nextDeadline(): Promise<number | undefined> {
    return this.options.store.nextDeadline();
  }

  /** Whether the user's last attempt was submitted by its deadline at most a while ago. */
  private async endedByDeadlineLately(userId: string, now: number): Promise<boolean> {
    const last = await this.options.store.latest(userId);
    return (
      last?.submitReason === 'deadline' &&
      last.deadline !== undefined &&
      now - last.deadline <= RECENT_DEADLINE_MS
    );
  }

  /** Reads the running attempt, plans a step, writes it; on a lost race, once more. */
  private async transact(
    user: QuizUser,
    plan: (running: Attempt | undefined, now: number) => Promise<Step>,
  ): Promise<QuizOutcome | undefined> {
    for (let round = 0; round < 2; round++) {
      const now = this.options.clock();
      const running = await this.options.store.getInProgress(user.userId);
      const step = await plan(running, now);
      if (!step.write) return step.outcome;
      const { attempt, expected, expiryNotice } = step.write;
      let written: boolean;
      try {
        written = await this.options.store.update(attempt, expected, {
          conversation: user.conversation,
          ...(expiryNotice ? { expiryNotice } : {}),
          ...(user.activity ? { activity: user.activity } : {}),
        });
      } catch (err) {
        if (err instanceof DuplicateActivityError) return { kind: 'duplicate' };
        throw err;
      }
      if (written) return step.outcome;
    }
    return rejected('conflict');
  }

  /** Stores a new attempt on behalf of `user`'s activity; `duplicate` if that was handled. */
  private async create(
    user: QuizUser,
    attempt: Attempt,
    maxContestAttempts?: number,
  ): Promise<CreateAttemptResult | 'duplicate'> {
    try {
      return await this.options.store.create(attempt, user.conversation, {
        ...(maxContestAttempts !== undefined ? { maxContestAttempts } : {}),
        ...(user.activity ? { activity: user.activity } : {}),
      });
    } catch (err) {
      if (err instanceof DuplicateActivityError) return 'duplicate';
      throw err;
    }
  }

  private async choiceStep(
    user: QuizUser,
    running: Attempt | undefined,
    input: Extract<Pinned, { kind: 'choice' }>,
    now: number,
  ): Promise<Step> {
    const { attemptId, index, choice } = input;
    if (!running || running.id !== attemptId) {
      const named =
        typeof attemptId === 'string' && attemptId !== ''
          ? await this.options.store.get(attemptId)
          : undefined;
      if (!named || named.userId !== user.userId) return { outcome: rejected('wrong-attempt') };
      const given = Number.isInteger(index) ? named.answers[index] : undefined;
      if (given)
        return {
          outcome: given.choice === choice ? { kind: 'duplicate' } : rejected('already-answered'),
        };
      if (named.submitReason === 'deadline') return { outcome: rejected('deadline-passed') };
      return { outcome: rejected(running ? 'wrong-attempt' : 'no-active-attempt') };
    }
    const given = Number.isInteger(index) ? running.answers[index] : undefined;
    if (given) {
      return {
        outcome: given.choice === choice ? { kind: 'duplicate' } : rejected('already-answered'),
      };
    }
    const result = answerQuestion(running, { index, choice, at: now }, this.options.bank);
    if (!result.ok) return { outcome: rejected(answerRejection(result.reason)) };
    const feedback =
      running.mode === 'practice'
        ? { question: result.question, chosen: choice, correct: result.correct }
        : undefined;
    const contest = this.contestOf(result.attempt);
    const next = currentStep(result.attempt, contest, this.options.bank, now, { feedback });
    if (next)
      return { outcome: next, write: { attempt: result.attempt, expected: running.version } };
    const done = submitAttempt(result.attempt, now, 'complete');
    if (!done.ok) return { outcome: rejected('no-active-attempt') };
    return {
      outcome: {
        kind: 'finished',
        ...finishedAttempt(done.attempt, contest, this.options.bank, now),
        ...(feedback ? { feedback } : {}),
      },
      write: { attempt: done.attempt, expected: running.version },
    };
  }

  private tiebreakStep(
    running: Attempt | undefined,
    pinned: Extract<Pinned, { kind: 'tiebreak' }>,
    now: number,
  ): Step {
    if (
      !running ||
      running.id !== pinned.attemptId ||
      !awaitsTiebreak(running, this.contestOf(running))
    ) {
      return { outcome: rejected('already-answered') };
    }
    const given = answerTiebreak(running, { value: pinned.value, at: now });
    if (!given.ok) {
      return {
        outcome: rejected(
          given.reason === 'invalid-value' ? 'invalid-prediction' : 'already-answered',
        ),
      };
    }
    const done = submitAttempt(given.attempt, now, 'complete');
    if (!done.ok) return { outcome: rejected('no-active-attempt') };
    return this.finishStep(running, done.attempt, now);
  }

  private submitStep(running: Attempt, now: number, reason: 'user' | 'complete'): Step {
    const done = submitAttempt(running, now, reason);
    if (!done.ok) return { outcome: rejected('no-active-attempt') };
    return this.finishStep(running, done.attempt, now);
  }

  /** Writes `finished` (the submitted form of `running`) and shows its result. */
  private finishStep(running: Attempt, finished: Attempt, now: number): Step {
    return {
      outcome: {
        kind: 'finished',
        ...finishedAttempt(finished, this.contestOf(finished), this.options.bank, now),
      },
      write: { attempt: finished, expected: running.version },
    };
  }

  /**
   * The user's running attempt, after submitting it if its deadline has passed (the person is
   * then told by a proactive message, since this call shows something else).
   */
  private async settle(userId: string, now: number): Promise<Attempt | undefined> {
    const { store } = this.options;
    for (let round = 0; round < 2; round++) {
      const running = await store.getInProgress(userId);
      if (!running) return undefined;
      const expired = expireIfDue(running, now);
      if (expired === running) return running;
      if (await store.update(expired, running.version, { expiryNotice: true })) {
        this.options.onWake?.(now);
        return undefined;
      }
    }
    return store.getInProgress(userId);
  }

  private resumeOrRefuse(
    running: Attempt,
    sameKind: (running: Attempt) => boolean,
    now: number,
  ): QuizOutcome {
    if (!sameKind(running)) return rejected('attempt-running', running);
    const step = currentStep(running, this.contestOf(running), this.options.bank, now, {
      resumed: true,
    });
    // Every question answered and nothing left to ask cannot stay running: another call submits.
    return step ?? rejected('attempt-running', running);
  }

  /** Everything `prepareContest` and `startContest` check, in the order the person needs it. */
  private async checkStart(
    user: QuizUser,
    contestId: string,
  ): Promise<{ outcome: QuizOutcome } | { contest: Contest; attemptsLeft: number; now: number }> {
    const contest =
      typeof contestId === 'string'
        ? this.contestsById.get(contestId.trim().toLowerCase())
        : undefined;
    if (!contest) return { outcome: rejected('unknown-contest') };
    const now = this.options.clock();
    const running = await this.settle(user.userId, now);
    const sameContest = (a: Attempt) => a.contestId === contest.id;
    if (running && sameContest(running)) {
      return { outcome: this.resumeOrRefuse(running, sameContest, now) };
    }
    const person = await this.options.directory.getPerson(user.userId);
    const check = checkContestStart({
      contest,
      person: person ? await this.candidate(person) : undefined,
      now,
      attemptsUsed: await this.options.store.countContestAttempts(user.userId, contest.id),
    });
    if (!check.ok) return { outcome: rejected(check.reason) };
    if (running) return { outcome: rejected('attempt-running', running) };
    return { contest, attemptsLeft: check.attemptsLeft, now };
  }

  private async candidate(person: Person): Promise<ContestCandidate> {
    return contestCandidate(person, await this.options.directory.unitTree());
  }

  private contestOf(attempt: Attempt): Contest | undefined {
    return attempt.contestId === undefined ? undefined : this.contestsById.get(attempt.contestId);
  }

  /** The topic id named by `topic` (its id or its name, with or without diacritics), else null. */
  private topicId(topic: string): string | null {
    const wanted = foldDiacritics(topic.normalize('NFC').trim()).replace(/\s+/g, ' ');
    const found = this.options.bank.topics.find(
      (t) => t.id === wanted || foldDiacritics(t.name).replace(/\s+/g, ' ') === wanted,
    );
    return found ? found.id : null;
  }
}

function withoutActivity(user: QuizUser): QuizUser {
  return { userId: user.userId, conversation: user.conversation };
}

function effectiveDeadline(contest: Contest, now: number): number {
  return Math.min(now + contest.timeLimitMinutes * 60_000, contest.closesAt);
}

function answerRejection(reason: AnswerRejection) {
  return reason === 'not-in-progress' ? ('no-active-attempt' as const) : reason;
}
