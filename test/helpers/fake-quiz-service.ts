import {
  answerQuestion,
  answerTiebreak,
  checkContestStart,
  contestPhase,
  currentIndex,
  expireIfDue,
  findQuestion,
  MemoryActivityDedup,
  type ActivityDedup,
  isComplete,
  looksLikeChoice,
  parseTypedAnswer,
  parseTypedNumber,
  presentQuestion,
  remainingMs,
  reviewAllowed,
  score,
  startAttempt,
  submitAttempt,
  type Attempt,
  type Contest,
  type ContestListing,
  type ExpiredAttempt,
  type FinishedAttempt,
  type QuizAnswerInput,
  type QuizBank,
  type QuizOutcome,
  type QuizRejection,
  type QuizService,
  type QuizUser,
  type ReviewItem,
} from '../../src/quiz';

export type QuizMethod = Exclude<keyof QuizService, 'expireDue' | 'nextDeadline'>;

export interface QuizCall {
  method: QuizMethod;
  userId: string;
  conversation: unknown;
  args: unknown[];
}

/** Two topics of three questions, four options each; the correct option is always the first. */
export function fakeBank(): QuizBank {
  const topic = (id: string, name: string) => ({
    id,
    name,
    questions: [1, 2, 3].map((n) => ({
      id: `${id}-${n}`,
      topicId: id,
      difficulty: 1,
      question: `Câu hỏi số ${n} về ${name}?`,
      options: [`Đúng ${n}`, `Sai ${n}a`, `Sai ${n}b`, `Sai ${n}c`],
      answer: 0,
      explanation: `Vì đáp án đúng là “Đúng ${n}”.`,
      source: { docId: 'luat-giao-dich-dien-tu-2023', section: `Điều ${n}` },
      location: `quiz/${id}.yaml:${n}`,
    })),
  });
  const topics = [
    topic('an-toan-thong-tin', 'An toàn thông tin mạng'),
    topic('chu-ky-so', 'Chữ ký số và giao dịch điện tử'),
  ];
  return { topics, questions: topics.flatMap((t) => t.questions) };
}

export const FAKE_T0 = Date.parse('2026-11-02T08:00:00+07:00');
const DAY = 24 * 60 * 60 * 1000;

/** An open contest of 2 + 2 questions, 10 minutes, pass mark 50, with a tiebreak. */
export function fakeContest(overrides: Partial<Contest> = {}): Contest {
  return {
    id: 'thi-thu-2026',
    title: 'Thi thử năng lực số 2026',
    opensAt: FAKE_T0 - DAY,
    closesAt: FAKE_T0 + 30 * DAY,
    questionsPerTopic: { 'an-toan-thong-tin': 2, 'chu-ky-so': 2 },
    questionCount: 4,
    timeLimitMinutes: 10,
    passMark: 50,
    maxAttempts: 1,
    audience: { units: [], roles: [] },
    review: 'after-submit',
    tiebreak: { question: 'Dự đoán số người tham gia cuộc thi?', unit: 'người' },
    location: 'contests/thi-thu-2026.yaml:1',
    ...overrides,
  };
}

export interface FakeQuizServiceOptions {
  bank?: QuizBank;
  contests?: readonly Contest[];
  /** User ids in the directory (all with the role `official` in unit `CT`); default: `user-1`. */
  people?: readonly string[];
  practiceCount?: number;
  /**
   * Where the activities of the calls that change an attempt are recorded (as the real service's
   * store does); default: a `MemoryActivityDedup`.
   */
  activities?: ActivityRecorder;
}

/** An activity dedup that can record synchronously (`MemoryActivityDedup`, `SqliteActivityDedup`). */
export interface ActivityRecorder extends Pick<ActivityDedup, 'isHandled'> {
  record(channelId: string, activityId: string): boolean;
}

const CHANGING: ReadonlySet<QuizMethod> = new Set<QuizMethod>([
  'startPractice',
  'startContest',
  'answer',
  'submit',
  'cancel',
]);

/**
 * A {@link QuizService} fake for the chat layer's tests: records every call (with the user and
 * his conversation reference), returns outcomes scripted with {@link FakeQuizService.script}
 * first, and otherwise simulates the real service in memory with the pure engine (same rules:
 * server-side attempts, one answer per question, resume, deadlines on the injectable clock).
 * A call that changes an attempt records the user's activity in `activities`.
 */
export class FakeQuizService implements QuizService {
  readonly calls: QuizCall[] = [];
  readonly bank: QuizBank;
  readonly contests: Contest[];
  now = FAKE_T0;
  private readonly people: Set<string>;
  private readonly practiceCount: number;
  private readonly scripted = new Map<QuizMethod, (QuizOutcome | undefined)[]>();
  private readonly running = new Map<string, Attempt>();
  private readonly all = new Map<string, Attempt>();
  private seq = 0;
  /** Replaceable, e.g. by the SQLite dedup of the server the fake is injected into. */
  activities: ActivityRecorder;
  /** The activity of the call in progress, if it may change an attempt. */
  private acting: QuizUser['activity'];

  constructor(options: FakeQuizServiceOptions = {}) {
    this.activities = options.activities ?? new MemoryActivityDedup();
    this.bank = options.bank ?? fakeBank();
    this.contests = [...(options.contests ?? [fakeContest()])];
    this.people = new Set(options.people ?? ['user-1']);
    this.practiceCount = options.practiceCount ?? 3;
  }

  /** The next calls of `method` return these outcomes, in order, before the simulation resumes. */
  script(method: QuizMethod, ...outcomes: (QuizOutcome | undefined)[]): this {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...outcomes]);
    return this;
  }

  /** The running attempt of a user. */
  attemptOf(userId = 'user-1'): Attempt | undefined {
    return this.running.get(userId);
  }

  /** The correct letter of the user's current question. */
  correctLetter(userId = 'user-1'): string {
    const attempt = this.running.get(userId)!;
    const q = presentQuestion(attempt, currentIndex(attempt)!, this.bank);
    return String.fromCharCode(65 + q.correctChoice);
  }

  methods(): QuizMethod[] {
    return this.calls.map((c) => c.method);
  }

  /** Records the call; returns the scripted outcome, if one is queued for this method. */
  private record(
    method: QuizMethod,
    user: QuizUser,
    args: unknown[],
  ): { outcome: QuizOutcome | undefined } | undefined {
    this.calls.push({ method, userId: user.userId, conversation: user.conversation, args });
    this.acting = CHANGING.has(method) ? user.activity : undefined;
    const queue = this.scripted.get(method);
    return queue && queue.length > 0 ? { outcome: queue.shift() } : undefined;
  }

  async startPractice(user: QuizUser, topic?: string): Promise<QuizOutcome> {
    const s = this.record('startPractice', user, [topic]);
    if (s) return s.outcome!;
    const running = this.settle(user.userId);
    if (running) {
      return running.mode === 'practice'
        ? this.step(running, { resumed: true })!
        : this.reject('attempt-running');
    }
    if (topic !== undefined && !this.bank.topics.some((t) => t.id === topic)) {
      return this.reject('unknown-topic');
    }
    const available = topic
      ? this.bank.topics.find((t) => t.id === topic)!.questions.length
      : this.bank.questions.length;
    const attempt = startAttempt({
      mode: 'practice',
      id: `attempt-${++this.seq}`,
      userId: user.userId,
      seed: this.seq,
      startedAt: this.now,
      bank: this.bank,
      count: Math.min(this.practiceCount, available),
      ...(topic ? { topic } : {}),
    });
    this.save(attempt);
    return this.step(attempt)!;
  }

  async listContests(user: QuizUser): Promise<QuizOutcome> {
    const s = this.record('listContests', user, []);
    if (s) return s.outcome!;
    if (!this.people.has(user.userId)) return this.reject('not-in-directory');
    const items: ContestListing[] = this.contests
      .filter((c) => contestPhase(c, this.now) === 'open')
      .map((contest) => this.listing(contest, user.userId));
    return { kind: 'contests', items };
  }

  async prepareContest(user: QuizUser, contestId: string): Promise<QuizOutcome> {
    const s = this.record('prepareContest', user, [contestId]);
    if (s) return s.outcome!;
    const checked = this.check(user.userId, contestId);
    if ('kind' in checked) return checked;
    return { kind: 'confirm', listing: this.listing(checked, user.userId) };
  }

  async startContest(user: QuizUser, contestId: string): Promise<QuizOutcome> {
    const s = this.record('startContest', user, [contestId]);
    if (s) return s.outcome!;
    const checked = this.check(user.userId, contestId);
    if ('kind' in checked) return checked;
    const attempt = startAttempt({
      mode: 'contest',
      id: `attempt-${++this.seq}`,
      userId: user.userId,
      seed: this.seq,
      startedAt: this.now,
      bank: this.bank,
      contest: checked,
    });
    this.save(attempt);
    return this.step(attempt)!;
  }

  async answer(user: QuizUser, input: QuizAnswerInput): Promise<QuizOutcome> {
    const s = this.record('answer', user, [input]);
    if (s) return s.outcome!;
    const before = this.running.get(user.userId);
    const running = this.settle(user.userId);
    if (before && !running) return this.finished(this.all.get(before.id)!);
    if (input.kind === 'button') {
      const named = this.all.get(input.attemptId);
      if (!named || named.userId !== user.userId) return this.reject('wrong-attempt');
      const given = named.answers[input.index];
      if (given) {
        return given.choice === input.choice
          ? { kind: 'duplicate' }
          : this.reject('already-answered');
      }
      if (named.submitReason === 'deadline') return this.reject('deadline-passed');
      if (!running) return this.reject('no-active-attempt');
      if (running.id !== named.id) return this.reject('wrong-attempt');
      return this.choose(running, input.index, input.choice);
    }
    if (!running) return this.reject('no-active-attempt');
    if (this.awaitsTiebreak(running)) {
      const value = parseTypedNumber(input.text);
      if (value === undefined) return this.reject('invalid-prediction');
      const given = answerTiebreak(running, { value, at: this.now });
      if (!given.ok) return this.reject('already-answered');
      return this.submitNow(given.attempt, 'complete');
    }
    const index = currentIndex(running)!;
    const choice = parseTypedAnswer(input.text, running.plan[index]!.optionOrder.length);
    if (choice === undefined) {
      return this.reject(looksLikeChoice(input.text) ? 'choice-out-of-range' : 'invalid-answer');
    }
    return this.choose(running, index, choice);
  }

  async submit(user: QuizUser): Promise<QuizOutcome> {
    const s = this.record('submit', user, []);
    if (s) return s.outcome!;
    const before = this.running.get(user.userId);
    const running = this.settle(user.userId);
    if (before && !running) return this.finished(this.all.get(before.id)!);
    if (!running) return this.reject('no-active-attempt');
    return this.submitNow(running, 'user');
  }

  async cancel(user: QuizUser): Promise<QuizOutcome> {
    const s = this.record('cancel', user, []);
    if (s) return s.outcome!;
    const running = this.settle(user.userId);
    if (!running) return this.reject('no-active-attempt');
    if (running.mode === 'contest') return this.reject('contest-cannot-be-cancelled');
    const done = submitAttempt(running, this.now, 'cancelled');
    if (!done.ok) return this.reject('no-active-attempt');
    this.save(done.attempt);
    return { kind: 'cancelled', attempt: done.attempt };
  }

  async resume(user: QuizUser): Promise<QuizOutcome | undefined> {
    const s = this.record('resume', user, []);
    if (s) return s.outcome;
    const before = this.running.get(user.userId);
    const running = this.settle(user.userId);
    if (before && !running) return this.finished(this.all.get(before.id)!);
    return running ? this.step(running, { resumed: true }) : undefined;
  }

  async expireDue(now: number): Promise<ExpiredAttempt[]> {
    this.now = now;
    const expired: ExpiredAttempt[] = [];
    for (const [userId, attempt] of this.running) {
      if (this.settle(userId)) continue;
      expired.push({ ...this.finishedOf(this.all.get(attempt.id)!), conversation: undefined });
    }
    return expired;
  }

  async nextDeadline(): Promise<number | undefined> {
    const deadlines = [...this.running.values()].flatMap((a) => a.deadline ?? []);
    return deadlines.length > 0 ? Math.min(...deadlines) : undefined;
  }

  private reject(reason: QuizRejection): QuizOutcome {
    return { kind: 'rejected', reason };
  }

  private save(attempt: Attempt, settling = false): void {
    if (this.acting && !settling) {
      this.activities.record(this.acting.channelId, this.acting.activityId);
    }
    this.all.set(attempt.id, attempt);
    if (attempt.status === 'in-progress') this.running.set(attempt.userId, attempt);
    else if (this.running.get(attempt.userId)?.id === attempt.id) {
      this.running.delete(attempt.userId);
    }
  }

  /** The running attempt, submitted first if its deadline has passed. */
  private settle(userId: string): Attempt | undefined {
    const running = this.running.get(userId);
    if (!running) return undefined;
    const expired = expireIfDue(running, this.now);
    if (expired === running) return running;
    this.save(expired, true);
    return undefined;
  }

  private contestOf(attempt: Attempt): Contest | undefined {
    return this.contests.find((c) => c.id === attempt.contestId);
  }

  private awaitsTiebreak(attempt: Attempt): boolean {
    return (
      attempt.mode === 'contest' &&
      this.contestOf(attempt)?.tiebreak !== undefined &&
      attempt.tiebreakAnswer === undefined &&
      isComplete(attempt)
    );
  }

  private step(attempt: Attempt, extra: { resumed?: boolean } = {}): QuizOutcome | undefined {
    const left = remainingMs(attempt, this.now);
    const timing = left === undefined ? {} : { remainingMs: left };
    if (this.awaitsTiebreak(attempt)) {
      return { kind: 'tiebreak', attempt, contest: this.contestOf(attempt)!, ...timing };
    }
    const index = currentIndex(attempt);
    if (index === undefined) return undefined;
    return {
      kind: 'question',
      attempt,
      question: presentQuestion(attempt, index, this.bank),
      ...timing,
      ...(extra.resumed ? { resumed: true } : {}),
    };
  }

  private choose(running: Attempt, index: number, choice: number): QuizOutcome {
    const result = answerQuestion(running, { index, choice, at: this.now }, this.bank);
    if (!result.ok) {
      return this.reject(result.reason === 'not-in-progress' ? 'no-active-attempt' : result.reason);
    }
    this.save(result.attempt);
    const feedback =
      running.mode === 'practice'
        ? { question: result.question, chosen: choice, correct: result.correct }
        : undefined;
    const next = this.step(result.attempt);
    if (next?.kind === 'question') return { ...next, ...(feedback ? { feedback } : {}) };
    if (next) return next;
    const finished = this.submitNow(result.attempt, 'complete');
    return feedback && finished.kind === 'finished' ? { ...finished, feedback } : finished;
  }

  private submitNow(attempt: Attempt, reason: 'user' | 'complete'): QuizOutcome {
    const done = submitAttempt(attempt, this.now, reason);
    if (!done.ok) return this.reject('no-active-attempt');
    this.save(done.attempt);
    return this.finished(done.attempt);
  }

  private finished(attempt: Attempt): QuizOutcome {
    return { kind: 'finished', ...this.finishedOf(attempt) };
  }

  private finishedOf(attempt: Attempt): FinishedAttempt {
    const contest = this.contestOf(attempt);
    const review =
      attempt.mode === 'practice' || (contest && reviewAllowed(contest, this.now))
        ? this.review(attempt)
        : undefined;
    return {
      attempt,
      ...(contest ? { contest } : {}),
      score: score(attempt, this.bank, contest?.passMark),
      ...(review ? { review } : {}),
    };
  }

  private review(attempt: Attempt): ReviewItem[] {
    return attempt.plan.flatMap((planned, i) => {
      const answer = attempt.answers[i];
      const question = findQuestion(this.bank, planned.questionId);
      if (answer && question && answer.originalChoice === question.answer) return [];
      return [{ question: presentQuestion(attempt, i, this.bank), chosen: answer?.choice ?? null }];
    });
  }

  private check(userId: string, contestId: string): Contest | QuizOutcome {
    const contest = this.contests.find((c) => c.id === contestId);
    if (!contest) return this.reject('unknown-contest');
    const running = this.settle(userId);
    if (running?.contestId === contest.id) return this.step(running, { resumed: true })!;
    const check = checkContestStart({
      contest,
      person: this.people.has(userId)
        ? { userId, unitCode: 'CT', role: 'official', unitAncestors: [] }
        : undefined,
      now: this.now,
      attemptsUsed: this.used(userId, contest.id),
    });
    if (!check.ok) return this.reject(check.reason);
    if (running) return this.reject('attempt-running');
    return contest;
  }

  private used(userId: string, contestId: string): number {
    return [...this.all.values()].filter((a) => a.userId === userId && a.contestId === contestId)
      .length;
  }

  private listing(contest: Contest, userId: string): ContestListing {
    return {
      contest,
      attemptsLeft: Math.max(0, contest.maxAttempts - this.used(userId, contest.id)),
      effectiveDeadline: Math.min(this.now + contest.timeLimitMinutes * 60_000, contest.closesAt),
    };
  }
}
