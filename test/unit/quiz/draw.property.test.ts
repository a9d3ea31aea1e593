import fc from 'fast-check';
import { drawQuestions, MAX_SEED, type PlannedQuestion, type QuizBank } from '../../../src/quiz';
import { makeBank } from './fixtures';

/** A bank of 1–5 topics with 1–15 questions of 2–6 options each. */
const bankArb = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 5 }),
    options: fc.array(fc.integer({ min: 2, max: 6 }), { minLength: 1, maxLength: 7 }),
  })
  .map(({ sizes, options }) =>
    makeBank(Object.fromEntries(sizes.map((n, i) => [`t${i}`, n])), options),
  );
const seedArb = fc.integer({ min: 0, max: MAX_SEED });

/** A feasible contest spec for `bank`: a non-empty subset of topics, 1..size questions each. */
const contestSpecArb = (bank: QuizBank) =>
  fc
    .tuple(
      ...bank.topics.map((t) =>
        fc.option(fc.integer({ min: 1, max: t.questions.length }), { nil: undefined }),
      ),
    )
    .filter((counts) => counts.some((c) => c !== undefined))
    .map((counts) => {
      const questionsPerTopic: Record<string, number> = {};
      counts.forEach((c, i) => {
        if (c !== undefined) questionsPerTopic[bank.topics[i]!.id] = c;
      });
      return { questionsPerTopic };
    });

const countBy = (plan: readonly PlannedQuestion[]) => {
  const counts: Record<string, number> = {};
  for (const p of plan) counts[p.topic] = (counts[p.topic] ?? 0) + 1;
  return counts;
};

function checkWellFormed(bank: QuizBank, plan: readonly PlannedQuestion[]): void {
  expect(new Set(plan.map((p) => p.questionId)).size).toBe(plan.length);
  for (const p of plan) {
    const question = bank.questions.find((q) => q.id === p.questionId);
    expect(question?.topicId).toBe(p.topic);
    const n = question!.options.length;
    expect([...p.optionOrder].sort((a, b) => a - b)).toEqual(
      Array.from({ length: n }, (_, i) => i),
    );
  }
}

describe('drawQuestions properties', () => {
  it('contest draws respect every per-topic count, without duplicates, options permuted', () => {
    fc.assert(
      fc.property(
        bankArb.chain((bank) => fc.tuple(fc.constant(bank), contestSpecArb(bank), seedArb)),
        ([bank, spec, seed]) => {
          const plan = drawQuestions(bank, spec, seed);
          expect(countBy(plan)).toEqual(spec.questionsPerTopic);
          checkWellFormed(bank, plan);
        },
      ),
    );
  });

  it('practice draws have the count, stay in the chosen topic or balance across topics', () => {
    fc.assert(
      fc.property(
        bankArb.chain((bank) =>
          fc.tuple(
            fc.constant(bank),
            fc.option(fc.integer({ min: 0, max: bank.topics.length - 1 }), { nil: undefined }),
            fc.integer({ min: 1, max: bank.questions.length }),
            seedArb,
          ),
        ),
        ([bank, topicIndex, wanted, seed]) => {
          const topic = topicIndex === undefined ? undefined : bank.topics[topicIndex]!;
          const count = topic ? Math.min(wanted, topic.questions.length) : wanted;
          const plan = drawQuestions(bank, { count, topic: topic?.id }, seed);
          expect(plan).toHaveLength(count);
          checkWellFormed(bank, plan);
          const counts = countBy(plan);
          if (topic) {
            expect(counts).toEqual({ [topic.id]: count });
            return;
          }
          // Balanced: a topic with fewer questions than another has only because it ran out.
          for (const t of bank.topics) {
            for (const u of bank.topics) {
              const ct = counts[t.id] ?? 0;
              const cu = counts[u.id] ?? 0;
              if (ct < t.questions.length) expect(cu - ct).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
    );
  });

  it('the same seed and bank give the same plan', () => {
    fc.assert(
      fc.property(
        bankArb.chain((bank) => fc.tuple(fc.constant(bank), contestSpecArb(bank), seedArb)),
        ([bank, spec, seed]) => {
          const copy: QuizBank = structuredClone(bank);
          expect(drawQuestions(copy, spec, seed)).toEqual(drawQuestions(bank, spec, seed));
          const count = Math.min(10, bank.questions.length);
          expect(drawQuestions(copy, { count }, seed)).toEqual(
            drawQuestions(bank, { count }, seed),
          );
        },
      ),
    );
  });
});
