import { InvalidInputError } from '../../../src/errors';
import { createRng, drawQuestions, MAX_SEED, shuffleInPlace } from '../../../src/quiz';
import { makeBank } from './fixtures';

const countBy = (plan: { topic: string }[]) =>
  plan.reduce<Record<string, number>>(
    (acc, p) => ({ ...acc, [p.topic]: (acc[p.topic] ?? 0) + 1 }),
    {},
  );

describe('createRng (mulberry32)', () => {
  it('produces the reference mulberry32 sequence, so stored seeds replay forever', () => {
    const r0 = createRng(0);
    expect(r0()).toBe(0.26642920868471265);
    const r = createRng(42);
    expect([r(), r(), r()].map((x) => x * 2 ** 32)).toEqual([2581720956, 1925393290, 3661312704]);
  });

  it('stays in [0, 1) and is reproducible', () => {
    const a = createRng(MAX_SEED);
    const b = createRng(MAX_SEED);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      expect(b()).toBe(x);
    }
  });

  it.each([-1, 1.5, MAX_SEED + 1, Number.NaN])('rejects the seed %p', (seed) => {
    expect(() => createRng(seed)).toThrow(InvalidInputError);
  });

  it('shuffles into a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = shuffleInPlace([...items], createRng(3));
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
  });
});

describe('drawQuestions', () => {
  const bank = makeBank({ a: 5, b: 4, c: 3 }, [4, 3, 2, 5]);

  it('draws the same pinned plan for a pinned seed (replay of stored attempts)', () => {
    expect(
      drawQuestions(makeBank({ a: 5, b: 4 }), { questionsPerTopic: { a: 2, b: 1 } }, 7),
    ).toEqual([
      { questionId: 'a-0', topic: 'a', optionOrder: [0, 1, 2, 3] },
      { questionId: 'a-1', topic: 'a', optionOrder: [2, 0, 3, 1] },
      { questionId: 'b-2', topic: 'b', optionOrder: [1, 3, 0, 2] },
    ]);
  });

  it('contest: exactly the requested count per topic, whatever the key order', () => {
    const plan = drawQuestions(bank, { questionsPerTopic: { c: 3, a: 2 } }, 99);
    expect(countBy(plan)).toEqual({ a: 2, c: 3 });
    expect(drawQuestions(bank, { questionsPerTopic: { a: 2, c: 3 } }, 99)).toEqual(plan);
  });

  it('practice with a topic draws only from it', () => {
    const plan = drawQuestions(bank, { count: 4, topic: 'b' }, 1);
    expect(countBy(plan)).toEqual({ b: 4 });
    expect(new Set(plan.map((p) => p.questionId)).size).toBe(4);
  });

  it('practice without a topic balances across topics', () => {
    for (let seed = 0; seed < 20; seed++) {
      const counts = Object.values(
        countBy(drawQuestions(bank, { count: 7, topic: undefined }, seed)),
      );
      expect(counts.reduce((x, y) => x + y)).toBe(7);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('practice fills from bigger topics once a small one is exhausted', () => {
    const plan = drawQuestions(bank, { count: 12 }, 5);
    expect(countBy(plan)).toEqual({ a: 5, b: 4, c: 3 });
  });

  it('gives each question a permutation of its own options', () => {
    for (const p of drawQuestions(bank, { count: 12 }, 8)) {
      const options = bank.questions.find((q) => q.id === p.questionId)!.options.length;
      expect([...p.optionOrder].sort()).toEqual(Array.from({ length: options }, (_, i) => i));
    }
  });

  it('mixes topics in the final order', () => {
    const topics = drawQuestions(
      makeBank({ a: 20, b: 20 }),
      { questionsPerTopic: { a: 10, b: 10 } },
      4,
    ).map((p) => p.topic);
    expect(topics.join('')).not.toMatch(/^a{10}b{10}$/);
  });

  it('differs between seeds', () => {
    const plans = new Set(
      Array.from({ length: 10 }, (_, seed) =>
        JSON.stringify(drawQuestions(bank, { count: 6 }, seed)),
      ),
    );
    expect(plans.size).toBeGreaterThan(5);
  });

  it.each([
    [{ count: 4, topic: 'khong-co' }, /topic "khong-co" is not in the quiz bank/],
    [{ count: 6, topic: 'c' }, /topic "c" has 3 question\(s\), 6 requested/],
    [{ count: 13 }, /the bank has 12 question\(s\), 13 requested/],
    [{ count: 0 }, /count must be a positive integer/],
    [{ count: 2.5 }, /count must be a positive integer/],
    [{ questionsPerTopic: {} }, /no topic to draw from/],
    [{ questionsPerTopic: { a: 6 } }, /topic "a" has 5 question\(s\), 6 requested/],
    [{ questionsPerTopic: { a: -1 } }, /count must be a positive integer/],
  ])('refuses %p', (spec, message) => {
    expect(() => drawQuestions(bank, spec, 1)).toThrow(InvalidInputError);
    expect(() => drawQuestions(bank, spec, 1)).toThrow(message);
  });
});
