import type { AttemptStore } from '../../../src/quiz';
import { SqliteActivityDedup } from '../../../src/storage';
import {
  button,
  expectKind,
  expectRejected,
  letter,
  makeService,
  userOf,
  type ServiceFixture,
} from './quiz-service-setup';

describe('QuizServiceImpl: practice', () => {
  let f: ServiceFixture;
  beforeEach(async () => {
    f = await makeService();
  });
  afterEach(() => f.close());

  it('lets anyone practise, even a person not in the directory', async () => {
    const q = expectKind(await f.service.startPractice(userOf('guest')), 'question');
    expect(q.question).toMatchObject({ index: 0, total: 5 });
    expect(q.remainingMs).toBeUndefined();
    expect(q.feedback).toBeUndefined();
    expect(q.attempt).toMatchObject({ mode: 'practice', userId: 'guest', status: 'in-progress' });
    // Balanced across topics: 5 questions from two topics → 3 + 2.
    const topics = q.attempt.plan.map((p) => p.topic).sort();
    expect(
      [topics.filter((t) => t === 'a').length, topics.filter((t) => t === 'b').length].sort(),
    ).toEqual([2, 3]);
    expect(await f.store.get(q.attempt.id)).toEqual(q.attempt);
  });

  it('gives feedback after each answer and the result with a review at the end', async () => {
    const user = userOf('guest');
    let outcome = await f.service.startPractice(user);
    const choices: ('right' | 'wrong')[] = ['right', 'wrong', 'right', 'right', 'wrong'];
    for (const [i, pick] of choices.entries()) {
      const payload = button(outcome, pick);
      outcome = await f.service.answer(user, payload);
      const feedback =
        outcome.kind === 'question' || outcome.kind === 'finished' ? outcome.feedback : undefined;
      expect(feedback).toMatchObject({ chosen: payload.choice, correct: pick === 'right' });
      expect(feedback?.question.index).toBe(i);
      if (i < 4) expect(expectKind(outcome, 'question').question.index).toBe(i + 1);
    }
    const done = expectKind(outcome, 'finished');
    expect(done.score).toMatchObject({ correct: 3, total: 5, score: 60 });
    expect(done.score.passed).toBeUndefined();
    expect(done.contest).toBeUndefined();
    expect(done.review?.map((r) => r.question.index)).toEqual([1, 4]);
    expect(done.review?.[0]?.chosen).not.toBe(done.review?.[0]?.question.correctChoice);
    expect(done.attempt).toMatchObject({ status: 'submitted', submitReason: 'complete' });
    expect(await f.store.getInProgress('guest')).toBeUndefined();
    expectRejected(await f.service.answer(user, { kind: 'text', text: 'A' }), 'no-active-attempt');
  });

  it('draws from one topic, named by id or by name without diacritics, capped at its size', async () => {
    const byId = expectKind(await f.service.startPractice(userOf('u1'), 'b'), 'question');
    expect(byId.attempt.plan.map((p) => p.topic)).toEqual(['b', 'b', 'b', 'b']);
    const byName = expectKind(await f.service.startPractice(userOf('u2'), 'chu de A'), 'question');
    expect(byName.question.total).toBe(5);
    expect(new Set(byName.attempt.plan.map((p) => p.topic))).toEqual(new Set(['a']));
    expectRejected(await f.service.startPractice(userOf('u3'), 'thiên văn học'), 'unknown-topic');
    expect(await f.store.getInProgress('u3')).toBeUndefined();
  });

  it('resumes a running practice instead of starting another', async () => {
    const user = userOf('guest');
    const first = await f.service.startPractice(user);
    await f.service.answer(user, button(first, 'right'));
    const again = expectKind(await f.service.startPractice(user, 'b'), 'question');
    expect(again.resumed).toBe(true);
    expect(again.attempt.id).toBe(expectKind(first, 'question').attempt.id);
    expect(again.question.index).toBe(1);
  });

  it('stops a practice on /huy and keeps it as cancelled', async () => {
    const user = userOf('guest');
    const started = expectKind(await f.service.startPractice(user), 'question');
    const cancelled = expectKind(await f.service.cancel(user), 'cancelled');
    expect(cancelled.attempt).toMatchObject({ id: started.attempt.id, submitReason: 'cancelled' });
    expect(await f.store.get(started.attempt.id)).toMatchObject({ status: 'submitted' });
    expectRejected(await f.service.cancel(user), 'nothing-running');
    expectRejected(await f.service.submit(user), 'nothing-running');
    expect(await f.service.resume(user)).toBeUndefined();
  });

  it('submits a practice early: unanswered questions count as wrong', async () => {
    const user = userOf('guest');
    const started = await f.service.startPractice(user);
    await f.service.answer(user, button(started, 'right'));
    const done = expectKind(await f.service.submit(user), 'finished');
    expect(done.score).toMatchObject({ correct: 1, total: 5, score: 20 });
    expect(done.attempt.submitReason).toBe('user');
    expect(done.review).toHaveLength(4);
    expect(done.review?.every((r) => r.chosen === null)).toBe(true);
  });

  it('accepts typed answers: "A", "b", "3", "đáp án D"', async () => {
    const user = userOf('guest');
    let outcome = await f.service.startPractice(user);
    for (const [text, choice] of [
      ['A', 0],
      ['b', 1],
      ['3', 2],
      ['đáp án D', 3],
    ] as const) {
      const index = expectKind(outcome, 'question').question.index;
      outcome = await f.service.answer(user, { kind: 'text', text });
      const stored = await f.store.getInProgress('guest');
      expect(stored?.answers[index]?.choice).toBe(choice);
    }
    expect(expectKind(outcome, 'question').question.index).toBe(4);
  });

  it.each([
    ['E', 'choice-out-of-range'],
    ['99', 'choice-out-of-range'],
    ['0', 'choice-out-of-range'],
    ['', 'invalid-answer'],
    ['chữ ký số là gì?', 'invalid-answer'],
  ])('refuses the typed answer %j (%s) and changes nothing', async (text, reason) => {
    const user = userOf('guest');
    const started = expectKind(await f.service.startPractice(user), 'question');
    expectRejected(await f.service.answer(user, { kind: 'text', text }), reason);
    expect(await f.store.get(started.attempt.id)).toEqual(started.attempt);
  });

  it('refuses answers when nothing runs', async () => {
    expectRejected(
      await f.service.answer(userOf('guest'), { kind: 'text', text: 'A' }),
      'no-active-attempt',
    );
    expectRejected(
      await f.service.answer(userOf('guest'), {
        kind: 'button',
        attemptId: 'attempt-99',
        index: 0,
        choice: 0,
      }),
      'wrong-attempt',
    );
  });
});

describe('QuizServiceImpl: button answers are checked against the stored attempt', () => {
  let f: ServiceFixture;
  beforeEach(async () => {
    f = await makeService();
  });
  afterEach(() => f.close());

  /** Starts a practice for `guest`, answers its first question, returns the second. */
  async function atSecondQuestion() {
    const user = userOf('guest');
    const first = await f.service.startPractice(user);
    const firstPayload = button(first, 'right');
    const second = expectKind(await f.service.answer(user, firstPayload), 'question');
    return { user, firstPayload, second, stored: (await f.store.get(second.attempt.id))! };
  }

  async function expectUnchanged(stored: Awaited<ReturnType<AttemptStore['get']>>) {
    expect(await f.store.get(stored!.id)).toEqual(stored);
  }

  it('another person cannot answer for this attempt', async () => {
    const { second, stored } = await atSecondQuestion();
    await f.service.startPractice(userOf('mallory'));
    expectRejected(
      await f.service.answer(userOf('mallory'), button(second, 'right')),
      'wrong-attempt',
    );
    expectRejected(
      await f.service.answer(userOf('nobody'), button(second, 'right')),
      'wrong-attempt',
    );
    await expectUnchanged(stored);
  });

  it.each([
    ['a forged attempt id', { attemptId: 'forged' }],
    ['an empty attempt id', { attemptId: '' }],
    ['a non-string attempt id', { attemptId: 42 as unknown as string }],
  ])('refuses %s', async (_name, over) => {
    const { second, stored } = await atSecondQuestion();
    expectRejected(
      await f.service.answer(userOf('guest'), { ...button(second, 'right'), ...over }),
      'wrong-attempt',
    );
    await expectUnchanged(stored);
  });

  it.each([
    ['a later question', 3, 'wrong-question'],
    ['an index beyond the attempt', 99, 'wrong-question'],
    ['a negative index', -1, 'wrong-question'],
    ['a fractional index', 1.5, 'wrong-question'],
  ])('refuses an answer to %s', async (_name, index, reason) => {
    const { second, stored } = await atSecondQuestion();
    expectRejected(
      await f.service.answer(userOf('guest'), { ...button(second, 0), index }),
      reason,
    );
    await expectUnchanged(stored);
  });

  it.each([
    ['beyond the options', 4],
    ['negative', -1],
    ['fractional', 0.5],
    ['not a number', 'A' as unknown as number],
  ])('refuses a choice %s', async (_name, choice) => {
    const { second, stored } = await atSecondQuestion();
    expectRejected(
      await f.service.answer(userOf('guest'), { ...button(second, 0), choice }),
      'choice-out-of-range',
    );
    await expectUnchanged(stored);
  });

  it('tells a replayed answer (duplicate) from a second answer to the same question', async () => {
    const { user, firstPayload, stored } = await atSecondQuestion();
    expect(await f.service.answer(user, firstPayload)).toEqual({ kind: 'duplicate' });
    expectRejected(
      await f.service.answer(user, { ...firstPayload, choice: (firstPayload.choice + 1) % 4 }),
      'already-answered',
    );
    await expectUnchanged(stored);
  });

  it('refuses an answer to an ended attempt: no-active-attempt, or wrong-attempt while another runs', async () => {
    const { user, second } = await atSecondQuestion();
    await f.service.cancel(user);
    expectRejected(await f.service.answer(user, button(second, 'right')), 'no-active-attempt');
    await f.service.startPractice(user);
    expectRejected(await f.service.answer(user, button(second, 'right')), 'wrong-attempt');
  });
});

describe('QuizServiceImpl: racing answers', () => {
  let f: ServiceFixture;
  beforeEach(async () => {
    f = await makeService();
  });
  afterEach(() => f.close());

  it('accepts exactly one of two concurrent button answers to the same question', async () => {
    const user = userOf('guest');
    const started = await f.service.startPractice(user);
    const right = button(started, 'right');
    const wrong = button(started, 'wrong');
    const results = await Promise.all([
      f.service.answer(user, right),
      f.service.answer(userOf('guest', 'webchat'), wrong),
    ]);
    expect(results.filter((r) => r.kind === 'question')).toHaveLength(1);
    expect(
      results.filter((r) => r.kind === 'rejected' && r.reason === 'already-answered'),
    ).toHaveLength(1);
    const stored = await f.store.getInProgress('guest');
    expect(stored?.version).toBe(1);
    expect(stored?.answers.filter(Boolean)).toHaveLength(1);
  });

  it('a typed answer stays on the question it was typed for when it loses the race', async () => {
    const user = userOf('guest');
    const started = expectKind(await f.service.startPractice(user), 'question');
    const text = letter(started.question.correctChoice);
    const results = await Promise.all([
      f.service.answer(user, { kind: 'text', text }),
      f.service.answer(user, { kind: 'text', text }),
      f.service.answer(user, { kind: 'text', text }),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(['duplicate', 'duplicate', 'question']);
    const stored = await f.store.getInProgress('guest');
    expect(stored?.answers.map((a) => a !== null)).toEqual([true, false, false, false, false]);
  });

  it('answers conflict when the store keeps losing the race', async () => {
    const user = userOf('guest');
    const started = await f.service.startPractice(user);
    const losing = Object.create(f.store) as AttemptStore;
    losing.update = async () => false;
    const racy = await makeService({ store: losing });
    try {
      expectRejected(await racy.service.answer(user, button(started, 'right')), 'conflict');
      expectRejected(await racy.service.submit(user), 'conflict');
      expect((await f.store.getInProgress('guest'))?.version).toBe(0);
    } finally {
      racy.close();
    }
  });
});

describe('QuizServiceImpl: an activity delivered twice changes the attempt once', () => {
  let f: ServiceFixture;
  beforeEach(async () => {
    f = await makeService();
  });
  afterEach(() => f.close());

  const delivery = (activityId: string) => ({
    ...userOf('guest'),
    activity: { channelId: 'msteams', activityId },
  });

  it('a typed answer delivered again after it was recorded does not slide onto the next question', async () => {
    const started = expectKind(await f.service.startPractice(delivery('start')), 'question');
    const text = letter(started.question.correctChoice);
    expectKind(await f.service.answer(delivery('typed-1'), { kind: 'text', text }), 'question');
    expectKind(await f.service.answer(delivery('typed-1'), { kind: 'text', text }), 'duplicate');
    const stored = await f.store.getInProgress('guest');
    expect(stored?.answers.map((a) => a !== null)).toEqual([true, false, false, false, false]);
    expect(stored?.version).toBe(1);
  });

  it('a button answer delivered again is a duplicate by its question, no activity recorded', async () => {
    const started = await f.service.startPractice(delivery('start'));
    const click = button(started, 'right');
    expectKind(await f.service.answer(delivery('click'), click), 'question');
    expectKind(await f.service.answer(delivery('click'), click), 'duplicate');
    expect((await f.store.getInProgress('guest'))?.version).toBe(1);
    const dedup = new SqliteActivityDedup(f.db);
    expect(await dedup.isHandled('msteams', 'start')).toBe(true);
    expect(await dedup.isHandled('msteams', 'click')).toBe(false);
  });

  it('a start, a submission and a cancellation delivered again change nothing', async () => {
    expectKind(await f.service.startPractice(delivery('start')), 'question');
    expectKind(await f.service.cancel(delivery('cancel')), 'cancelled');
    // The start delivered again after the cancellation: no second practice.
    expectKind(await f.service.startPractice(delivery('start')), 'duplicate');
    expect(await f.store.getInProgress('guest')).toBeUndefined();

    expectKind(await f.service.startPractice(delivery('start-2')), 'question');
    expectKind(await f.service.submit(delivery('submit')), 'finished');
    expectKind(await f.service.startPractice(delivery('start-3')), 'question');
    // The submission delivered again does not submit the new practice.
    expectKind(await f.service.submit(delivery('submit')), 'duplicate');
    expect((await f.store.getInProgress('guest'))?.status).toBe('in-progress');
  });
});
