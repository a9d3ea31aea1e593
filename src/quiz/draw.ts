import { InvalidInputError } from '../errors';
import { createRng, randomIndex, shuffleInPlace, type Rng } from './prng';
import type { QuizBank, QuizBankQuestion } from './quiz-bank-loader';

/** One question of an attempt, as drawn: which question, and how its options are displayed. */
export interface PlannedQuestion {
  readonly questionId: string;
  /** Topic id of the question. */
  readonly topic: string;
  /**
   * `optionOrder[displayed] = original`: the option shown at position `displayed` (A = 0) is the
   * bank's option number `original`. Always a permutation of `0..options.length-1`.
   */
  readonly optionOrder: readonly number[];
}

/** Practice: `count` questions, from one topic or balanced across all topics. */
export interface PracticeDrawSpec {
  readonly count: number;
  /** Topic id; omitted = balanced across every topic of the bank. */
  readonly topic?: string;
}

/** Contest: an exact number of questions from each named topic. */
export interface ContestDrawSpec {
  readonly questionsPerTopic: Readonly<Record<string, number>>;
}

export type DrawSpec = PracticeDrawSpec | ContestDrawSpec;

/**
 * Why `questionsPerTopic` cannot be drawn from `bank` (unknown topic, not enough questions),
 * one entry per bad topic; empty when it can.
 */
export function drawProblems(
  bank: QuizBank,
  questionsPerTopic: Readonly<Record<string, number>>,
): { topic: string; message: string }[] {
  const problems: { topic: string; message: string }[] = [];
  for (const [topic, count] of Object.entries(questionsPerTopic)) {
    const available = bank.topics.find((t) => t.id === topic)?.questions.length;
    if (available === undefined) {
      problems.push({ topic, message: `topic "${topic}" is not in the quiz bank` });
    } else if (!Number.isInteger(count) || count < 1) {
      problems.push({ topic, message: `topic "${topic}": count must be a positive integer` });
    } else if (count > available) {
      problems.push({
        topic,
        message: `topic "${topic}" has ${available} question(s), ${count} requested`,
      });
    }
  }
  if (Object.keys(questionsPerTopic).length === 0) {
    problems.push({ topic: '', message: 'no topic to draw from' });
  }
  return problems;
}

/**
 * Draws the questions of one attempt. The result depends only on `bank` (its topics and the order
 * of their questions), `spec` and `seed`: the same three give the same plan, so a stored seed lets
 * an attempt be audited and replayed, as long as the bank is unchanged.
 *
 * - Contest spec: exactly `questionsPerTopic[t]` questions of each topic `t`.
 * - Practice spec with `topic`: `count` questions of that topic.
 * - Practice spec without `topic`: `count` questions spread over all topics as evenly as their
 *   sizes allow (counts differ by at most one between topics that are not exhausted); which topics
 *   get the extra questions is decided by the seed.
 *
 * No question appears twice; each question's options get their own shuffled order; the final
 * order mixes topics. Throws `InvalidInputError` for an unknown topic, a count that is not a
 * positive integer, more questions than available, or an invalid seed.
 */
export function drawQuestions(bank: QuizBank, spec: DrawSpec, seed: number): PlannedQuestion[] {
  const rng = createRng(seed);
  const perTopic =
    'questionsPerTopic' in spec ? spec.questionsPerTopic : practiceCounts(bank, spec, rng);
  const problems = drawProblems(bank, perTopic);
  if (problems.length > 0) {
    throw new InvalidInputError(`cannot draw: ${problems.map((p) => p.message).join('; ')}`);
  }

  const plan: PlannedQuestion[] = [];
  // Topics in id order so that the plan does not depend on the key order of `questionsPerTopic`.
  for (const topic of [...bank.topics].sort((a, b) => compareIds(a.id, b.id))) {
    const count = perTopic[topic.id];
    if (count === undefined) continue;
    for (const question of pickDistinct(topic.questions, count, rng)) {
      plan.push({
        questionId: question.id,
        topic: topic.id,
        optionOrder: optionOrder(question, rng),
      });
    }
  }
  return shuffleInPlace(plan, rng);
}

function practiceCounts(bank: QuizBank, spec: PracticeDrawSpec, rng: Rng): Record<string, number> {
  const { count, topic } = spec;
  if (!Number.isInteger(count) || count < 1) {
    throw new InvalidInputError(`cannot draw: count must be a positive integer, got ${count}`);
  }
  if (topic !== undefined) return { [topic]: count };

  const topics = [...bank.topics]
    .filter((t) => t.questions.length > 0)
    .sort((a, b) => compareIds(a.id, b.id));
  const total = topics.reduce((n, t) => n + t.questions.length, 0);
  if (count > total) {
    throw new InvalidInputError(
      `cannot draw: the bank has ${total} question(s), ${count} requested`,
    );
  }
  shuffleInPlace(topics, rng);
  const counts: Record<string, number> = {};
  // Round-robin one question at a time, skipping exhausted topics: terminates since count ≤ total.
  let remaining = count;
  while (remaining > 0) {
    for (const t of topics) {
      if (remaining === 0) break;
      const taken = counts[t.id] ?? 0;
      if (taken < t.questions.length) {
        counts[t.id] = taken + 1;
        remaining--;
      }
    }
  }
  return counts;
}

/** `count` distinct items of `items` in random order (partial Fisher–Yates on a copy). */
function pickDistinct<T>(items: readonly T[], count: number, rng: Rng): T[] {
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + randomIndex(rng, pool.length - i);
    const tmp = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, count);
}

function optionOrder(question: QuizBankQuestion, rng: Rng): number[] {
  return shuffleInPlace(
    question.options.map((_, i) => i),
    rng,
  );
}

/** Locale-independent string order, so that draws are the same on every machine. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
