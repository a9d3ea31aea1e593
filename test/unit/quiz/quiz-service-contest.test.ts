import { MINUTE, T0 } from './fixtures';
import {
  button,
  contests,
  conversationOf,
  expectKind,
  expectRejected,
  makeService,
  userOf,
  type ServiceFixture,
} from './quiz-service-setup';
import type { QuizOutcome, QuizUser } from '../../../src/quiz';

const contest = (id: string) => contests.find((c) => c.id === id)!;

/** Answers every question of the running attempt right, returning the last outcome. */
async function answerAll(f: ServiceFixture, user: QuizUser, outcome: QuizOutcome) {
  while (outcome.kind === 'question')
    outcome = await f.service.answer(user, button(outcome, 'right'));
  return outcome;
}

describe('QuizServiceImpl: who may sit a contest', () => {
  let f: ServiceFixture;
  beforeEach(async () => {
    f = await makeService();
  });
  afterEach(() => f.close());

  it('needs a person of the directory', async () => {
    const guest = userOf('guest');
    expectRejected(await f.service.listContests(guest), 'not-in-directory');
    expectRejected(await f.service.prepareContest(guest, 'thu'), 'not-in-directory');
    expectRejected(await f.service.startContest(guest, 'thu'), 'not-in-directory');
    expect(await f.store.getInProgress('guest')).toBeUndefined();
  });

  it.each([
    ['unknown-contest', 'khong-co'],
    ['not-open-yet', 'chua-mo'],
    ['closed', 'da-dong'],
    ['not-in-audience', 'chi-lanh-dao'],
  ])('refuses %s (%s), before and at the start', async (reason, id) => {
    expectRejected(await f.service.prepareContest(userOf('loc'), id), reason);
    expectRejected(await f.service.startContest(userOf('loc'), id), reason);
    expect(await f.store.getInProgress('loc')).toBeUndefined();
  });

  it('includes the sub-units of an audience unit, at any depth', async () => {
    expectKind(await f.service.prepareContest(userOf('loc'), 'chi-snv'), 'confirm');
    expectKind(await f.service.prepareContest(userOf('phuc'), 'chi-snv'), 'confirm');
    expectRejected(await f.service.prepareContest(userOf('an'), 'chi-snv'), 'not-in-audience');
    expectKind(await f.service.prepareContest(userOf('phuc'), 'chi-lanh-dao'), 'confirm');
  });

  it('lists the contests open to this person, with attempts left', async () => {
    const list = expectKind(await f.service.listContests(userOf('loc')), 'contests');
    expect(list.items.map((i) => i.contest.id).sort()).toEqual(
      ['chi-snv', 'co-du-doan', 'khong-xem-lai', 'sap-dong', 'thu'].sort(),
    );
    const soon = list.items.find((i) => i.contest.id === 'sap-dong')!;
    expect(soon.effectiveDeadline).toBe(contest('sap-dong').closesAt);
    const trial = list.items.find((i) => i.contest.id === 'thu')!;
    expect(trial).toMatchObject({ attemptsLeft: 1, effectiveDeadline: f.clock.now + 10 * MINUTE });
    const other = expectKind(await f.service.listContests(userOf('an')), 'contests');
    expect(other.items.map((i) => i.contest.id)).not.toContain('chi-snv');
  });

  it('confirms with the rules, attempts left and the deadline the attempt would get', async () => {
    const confirm = expectKind(
      await f.service.prepareContest(userOf('loc'), ' CO-DU-DOAN '),
      'confirm',
    );
    expect(confirm.listing).toEqual({
      contest: contest('co-du-doan'),
      attemptsLeft: 2,
      effectiveDeadline: f.clock.now + 10 * MINUTE,
    });
    expect(await f.store.getInProgress('loc')).toBeUndefined();
  });
});

describe('QuizServiceImpl: sitting a contest', () => {
  let f: ServiceFixture;
  beforeEach(async () => {
    f = await makeService();
  });
  afterEach(() => f.close());

  it('runs a contest without feedback and shows the result without review (after-close)', async () => {
    const user = userOf('loc');
    const first = expectKind(await f.service.startContest(user, 'thu'), 'question');
    expect(first.question).toMatchObject({ index: 0, total: 5 });
    expect(first.remainingMs).toBe(10 * MINUTE);
    expect(first.attempt.deadline).toBe(f.clock.now + 10 * MINUTE);
    expect(f.wakes).toEqual([first.attempt.deadline]);

    let outcome: QuizOutcome = first;
    for (let i = 0; i < 5; i++) {
      f.clock.now += 30_000;
      outcome = await f.service.answer(user, button(outcome, i === 0 ? 'wrong' : 'right'));
      if (i < 4) {
        const q = expectKind(outcome, 'question');
        expect(q.feedback).toBeUndefined();
        expect(q.remainingMs).toBe(10 * MINUTE - (i + 1) * 30_000);
      }
    }
    const done = expectKind(outcome, 'finished');
    expect(done.feedback).toBeUndefined();
    expect(done.contest?.id).toBe('thu');
    expect(done.score).toMatchObject({ correct: 4, total: 5, score: 80, passed: true });
    expect(done.review).toBeUndefined();
    expect(done.attempt).toMatchObject({ submitReason: 'complete', submittedAt: f.clock.now });
  });

  it('asks the tiebreak after the last question, reads a typed number, then submits', async () => {
    const user = userOf('loc');
    const started = expectKind(await f.service.startContest(user, 'co-du-doan'), 'question');
    const tiebreak = expectKind(await answerAll(f, user, started), 'tiebreak');
    expect(tiebreak.contest.id).toBe('co-du-doan');
    expect(tiebreak.remainingMs).toBe(10 * MINUTE);

    expectRejected(await f.service.answer(user, { kind: 'text', text: 'A' }), 'invalid-prediction');
    expectRejected(await f.service.answer(user, button(started, 'wrong')), 'already-answered');
    expect(await f.service.answer(user, button(started, 'right'))).toEqual({ kind: 'duplicate' });
    expectKind(await f.service.resume(user), 'tiebreak');

    const done = expectKind(
      await f.service.answer(user, { kind: 'text', text: '1.500 người' }),
      'finished',
    );
    expect(done.attempt).toMatchObject({ tiebreakAnswer: 1500, submitReason: 'complete' });
    expect(done.score).toMatchObject({ score: 100, passed: true });
    expect(done.review).toEqual([]); // after-submit: allowed, nothing wrong
  });

  it('submits early on /nopbai without a tiebreak; a contest cannot be cancelled', async () => {
    const user = userOf('loc');
    const started = await f.service.startContest(user, 'co-du-doan');
    await f.service.answer(user, button(started, 'wrong'));
    expectRejected(await f.service.cancel(user), 'contest-cannot-be-cancelled');
    const done = expectKind(await f.service.submit(user), 'finished');
    expect(done.attempt.tiebreakAnswer).toBeUndefined();
    expect(done.score).toMatchObject({ correct: 0, score: 0, passed: false });
    expect(done.review?.map((r) => r.chosen)).toEqual([expect.any(Number), null, null, null, null]);
  });

  it('shows a review only when the contest allows it', async () => {
    const user = userOf('loc');
    await f.service.startContest(user, 'khong-xem-lai');
    expect(expectKind(await f.service.submit(user), 'finished').review).toBeUndefined();
  });

  it('keeps one running attempt per person: the same contest resumes, another is refused', async () => {
    const user = userOf('loc');
    const started = expectKind(await f.service.startContest(user, 'thu'), 'question');
    await f.service.answer(user, button(started, 'right'));

    const phone = userOf('loc', 'mobile');
    const resumed = expectKind(await f.service.startContest(phone, 'thu'), 'question');
    expect(resumed).toMatchObject({ resumed: true, question: { index: 1 } });
    expect(resumed.attempt.id).toBe(started.attempt.id);
    expectKind(await f.service.prepareContest(phone, 'thu'), 'question');

    const other = await f.service.startContest(phone, 'co-du-doan');
    expect(other).toMatchObject({
      kind: 'rejected',
      reason: 'attempt-running',
      attempt: { id: started.attempt.id },
    });
    expect(await f.service.startPractice(phone)).toMatchObject({ reason: 'attempt-running' });

    // The practice's own running attempt blocks a contest too.
    const practising = userOf('phuc');
    await f.service.startPractice(practising);
    expect(await f.service.startContest(practising, 'thu')).toMatchObject({
      reason: 'attempt-running',
      attempt: { mode: 'practice' },
    });
  });

  it('holds maxAttempts across channels and devices for the same person', async () => {
    const teams = userOf('loc', 'msteams');
    const web = userOf('loc', 'webchat');
    await f.service.startContest(teams, 'thu');
    await f.service.submit(teams);
    expectRejected(await f.service.prepareContest(web, 'thu'), 'no-attempts-left');
    expectRejected(await f.service.startContest(web, 'thu'), 'no-attempts-left');
    expect(await f.store.countContestAttempts('loc', 'thu')).toBe(1);

    // co-du-doan allows 2.
    await f.service.startContest(web, 'co-du-doan');
    await f.service.submit(web);
    const list = expectKind(await f.service.listContests(teams), 'contests');
    expect(list.items.find((i) => i.contest.id === 'co-du-doan')?.attemptsLeft).toBe(1);
    expect(list.items.find((i) => i.contest.id === 'thu')?.attemptsLeft).toBe(0);
    expect(list.items.some((i) => i.running)).toBe(false);
    expectKind(await f.service.startContest(teams, 'co-du-doan'), 'question');
    // While sitting it, the list says so (its attempt already counts as used).
    const sitting = expectKind(await f.service.listContests(web), 'contests');
    expect(sitting.items.find((i) => i.contest.id === 'co-du-doan')).toMatchObject({
      attemptsLeft: 0,
      running: true,
    });
    expect(sitting.items.find((i) => i.contest.id === 'thu')?.running).toBeUndefined();
    await f.service.submit(teams);
    expectRejected(await f.service.startContest(web, 'co-du-doan'), 'no-attempts-left');
  });

  it('two devices starting the last attempt at once get one attempt between them', async () => {
    const [a, b] = await Promise.all([
      f.service.startContest(userOf('loc', 'msteams'), 'thu'),
      f.service.startContest(userOf('loc', 'webchat'), 'thu'),
    ]);
    const ids = [expectKind(a, 'question').attempt.id, expectKind(b, 'question').attempt.id];
    expect(ids[0]).toBe(ids[1]);
    expect(await f.store.countContestAttempts('loc', 'thu')).toBe(1);
  });

  it('gives an attempt started near the close only the time that is left', async () => {
    const started = expectKind(await f.service.startContest(userOf('loc'), 'sap-dong'), 'question');
    expect(started.remainingMs).toBe(2 * MINUTE);
    expect(started.attempt.deadline).toBe(T0 + 3 * MINUTE);
  });

  it('stores where the person last acted, for the time-up message', async () => {
    const started = await f.service.startContest(userOf('loc', 'msteams'), 'thu');
    const id = expectKind(started, 'question').attempt.id;
    expect(await f.store.getConversation(id)).toEqual(conversationOf('loc', 'msteams'));
    await f.service.answer(userOf('loc', 'webchat'), button(started, 'right'));
    expect(await f.store.getConversation(id)).toEqual(conversationOf('loc', 'webchat'));
  });
});

describe('QuizServiceImpl: deadlines', () => {
  let f: ServiceFixture;
  beforeEach(async () => {
    f = await makeService();
  });
  afterEach(() => f.close());

  it('submits an expired attempt on the next answer, unanswered = wrong, without a notice', async () => {
    const user = userOf('loc');
    const started = expectKind(await f.service.startContest(user, 'thu'), 'question');
    const next = await f.service.answer(user, button(started, 'right'));
    f.clock.now = started.attempt.deadline!;
    const done = expectKind(await f.service.answer(user, button(next, 'right')), 'finished');
    expect(done.attempt).toMatchObject({
      submitReason: 'deadline',
      submittedAt: started.attempt.deadline,
    });
    expect(done.score).toMatchObject({ correct: 1, total: 5, score: 20, passed: false });
    expect((await f.store.get(started.attempt.id))?.answers[1]).toBeNull();
    // The person saw the result in the reply: no proactive message.
    expect(await f.service.expireDue(f.clock.now + MINUTE)).toEqual([]);
    expectRejected(await f.service.answer(user, button(next, 'right')), 'deadline-passed');
  });

  it.each(['submit', 'cancel', 'resume'] as const)(
    '%s on an expired attempt shows its result',
    async (call) => {
      const user = userOf('loc');
      const started = expectKind(await f.service.startContest(user, 'thu'), 'question');
      f.clock.now = started.attempt.deadline! + 5 * MINUTE;
      const done = expectKind(await f.service[call](user), 'finished');
      expect(done.attempt).toMatchObject({
        submitReason: 'deadline',
        submittedAt: started.attempt.deadline,
      });
    },
  );

  it('expireDue finalises due attempts and hands each out until acknowledged', async () => {
    const early = expectKind(await f.service.startContest(userOf('loc'), 'thu'), 'question');
    f.clock.now += 2 * MINUTE;
    const late = expectKind(await f.service.startContest(userOf('phuc'), 'thu'), 'question');
    expect(await f.service.nextDeadline()).toBe(early.attempt.deadline);

    const now = early.attempt.deadline!;
    const expired = await f.service.expireDue(now);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      attempt: { id: early.attempt.id, status: 'submitted', submitReason: 'deadline' },
      contest: { id: 'thu' },
      score: { correct: 0, total: 5, score: 0, passed: false },
      conversation: conversationOf('loc'),
    });
    expect(expired[0]?.review).toBeUndefined();
    expect(await f.service.nextDeadline()).toBe(late.attempt.deadline);

    // Claimed: not handed out again at once; a failed delivery comes back after the lease.
    expect(await f.service.expireDue(now + 1)).toEqual([]);
    await f.service.acknowledgeExpiry(early.attempt.id, false);
    expect((await f.service.expireDue(now + 60_000)).map((e) => e.attempt.id)).toEqual([
      early.attempt.id,
    ]);
    await f.service.acknowledgeExpiry(early.attempt.id, true);
    expect(await f.service.expireDue(now + 10 * 60_000)).toEqual([
      expect.objectContaining({ attempt: expect.objectContaining({ id: late.attempt.id }) }),
    ]);
    expect(await f.service.nextDeadline()).toBeUndefined();

    // The person writes afterwards: the attempt is over.
    expectRejected(
      await f.service.answer(userOf('loc'), button(early, 'right')),
      'deadline-passed',
    );
    expectRejected(await f.service.submit(userOf('loc')), 'nothing-running');
  });

  it('tells a typed answer that came just after the deadline that time ran out', async () => {
    const user = userOf('loc');
    const started = expectKind(await f.service.startContest(user, 'thu'), 'question');
    const deadline = started.attempt.deadline!;
    // The scheduler submits the attempt at its deadline; the person types a moment later.
    await f.service.expireDue(deadline);
    f.clock.now = deadline + 2_000;
    expectRejected(await f.service.answer(user, { kind: 'text', text: 'B' }), 'deadline-passed');
    f.clock.now = deadline + 15 * MINUTE;
    expectRejected(await f.service.answer(user, { kind: 'text', text: 'B' }), 'deadline-passed');
    // Long after, or after a practice the person stopped, nothing is said about a deadline.
    f.clock.now = deadline + 15 * MINUTE + 1;
    expectRejected(await f.service.answer(user, { kind: 'text', text: 'B' }), 'no-active-attempt');
    expectKind(await f.service.startPractice(user), 'question');
    expectKind(await f.service.cancel(user), 'cancelled');
    expectRejected(await f.service.answer(user, { kind: 'text', text: 'B' }), 'no-active-attempt');
  });

  it('a call that shows something else queues the time-up message and wakes the scheduler', async () => {
    const user = userOf('loc');
    const started = expectKind(await f.service.startContest(user, 'thu'), 'question');
    f.clock.now = started.attempt.deadline! + 1;
    const practice = expectKind(await f.service.startPractice(user), 'question');
    expect(practice.attempt.mode).toBe('practice');
    expect(f.wakes).toEqual([started.attempt.deadline, f.clock.now]);
    const expired = await f.service.expireDue(f.clock.now);
    expect(expired.map((e) => [e.attempt.id, e.attempt.submitReason])).toEqual([
      [started.attempt.id, 'deadline'],
    ]);
  });

  it('survives a restart: same question, same remaining time, then finishes', async () => {
    const user = userOf('loc');
    const started = expectKind(await f.service.startContest(user, 'co-du-doan'), 'question');
    f.clock.now += 60_000;
    const second = await f.service.answer(user, button(started, 'right'));
    const third = await f.service.answer(user, button(second, 'right'));
    f.db.close(); // as if killed

    f.clock.now += 90_000;
    const after = f.restart();
    const resumed = expectKind(await after.service.resume(userOf('loc', 'webchat')), 'question');
    expect(resumed).toMatchObject({ resumed: true, question: { index: 2 } });
    expect(resumed.question).toEqual(expectKind(third, 'question').question);
    expect(resumed.remainingMs).toBe(10 * MINUTE - 150_000);

    let outcome: QuizOutcome = resumed;
    while (outcome.kind === 'question')
      outcome = await after.service.answer(user, button(outcome, 'right'));
    expectKind(outcome, 'tiebreak');
    const done = expectKind(
      await after.service.answer(user, { kind: 'text', text: '42' }),
      'finished',
    );
    expect(done.score.score).toBe(100);
  });

  it('after a restart past the deadline, expireDue finalises the attempt', async () => {
    const started = expectKind(await f.service.startContest(userOf('loc'), 'thu'), 'question');
    f.db.close();
    f.clock.now = started.attempt.deadline! + 30 * MINUTE;
    const after = f.restart();
    const expired = await after.service.expireDue(f.clock.now);
    expect(expired.map((e) => e.attempt)).toEqual([
      expect.objectContaining({ id: started.attempt.id, submittedAt: started.attempt.deadline }),
    ]);
  });
});
