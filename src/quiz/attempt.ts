import { InvalidInputError } from '../errors';
import type { Contest } from './contest-rules';
import { drawQuestions, type PlannedQuestion } from './draw';
import { assertSeed } from './prng';
import { presentQuestion, type PresentedQuestion } from './present-question';
import type { QuizBank } from './quiz-bank-loader';

// Every instant in this module is epoch milliseconds (a number), so that an `Attempt` survives a
// JSON round trip unchanged.

export type AttemptMode = 'practice' | 'contest';
export type AttemptStatus = 'in-progress' | 'submitted';
/**
 * Why an attempt was submitted: the person asked (`/nopbai`), every question was answered, the
 * deadline passed, or the person stopped a practice (`/huy`).
 */
export type SubmitReason = 'user' | 'complete' | 'deadline' | 'cancelled';

/** The answer given to one question. */
export interface AnswerRecord {
  /** Index of the chosen option in the DISPLAYED order (A = 0). */
  readonly choice: number;
  /** The same option as an index into the bank's `options` (`plan[i].optionOrder[choice]`). */
  readonly originalChoice: number;
  /** Whether it was right when answered (`score` re-marks against the bank). */
  readonly correct: boolean;
  /** Epoch ms. */
  readonly at: number;
}

/**
 * One sitting of a practice or a contest: the server-side truth. Immutable; every function here
 * returns a new record with `version` incremented when anything changed, so a store can use
 * `version` for optimistic concurrency (write only if the stored version is the one read).
 * Plain data (numbers, strings, arrays), safe to `JSON.stringify` and back; see `attemptSchema`.
 */
export interface Attempt {
  readonly id: string;
  readonly userId: string;
  readonly mode: AttemptMode;
  /** Set for contests. */
  readonly contestId?: string;
  /** The seed the plan was drawn with (replay: `drawQuestions(bank, spec, seed)`). */
  readonly seed: number;
  readonly plan: readonly PlannedQuestion[];
  /** One entry per plan item, `null` while unanswered. */
  readonly answers: readonly (AnswerRecord | null)[];
  /** Epoch ms. */
  readonly startedAt: number;
  /** Epoch ms, exclusive: answers at or after it are refused. Absent = no time limit. */
  readonly deadline?: number;
  readonly status: AttemptStatus;
  /** Epoch ms; for a deadline submission, the deadline itself. */
  readonly submittedAt?: number;
  readonly submitReason?: SubmitReason;
  /** The contest's tiebreak prediction, if given. */
  readonly tiebreakAnswer?: number;
  /** 0 when started, +1 on every change. */
  readonly version: number;
}

interface StartAttemptBase {
  /** Unique attempt id, chosen by the caller (e.g. a UUID). */
  readonly id: string;
  readonly userId: string;
  /** Unsigned 32-bit integer from a real random source, see `assertSeed`. */
  readonly seed: number;
  /** Epoch ms. */
  readonly startedAt: number;
  readonly bank: QuizBank;
}

/** Practice: `count` questions, balanced across topics unless `topic` is given; no time limit. */
export interface StartPracticeOptions extends StartAttemptBase {
  readonly mode: 'practice';
  readonly count: number;
  readonly topic?: string;
}

/** Contest: the contest's questions per topic and time limit. Check `checkContestStart` first. */
export interface StartContestOptions extends StartAttemptBase {
  readonly mode: 'contest';
  readonly contest: Contest;
}

export type StartAttemptOptions = StartPracticeOptions | StartContestOptions;

/**
 * Starts an attempt: draws its plan from the seed and sets its deadline. A contest's deadline is
 * `startedAt + timeLimitMinutes`, but never later than the contest's `closesAt` (as in Moodle: an
 * attempt started shortly before closing gets only the time that is left; show it on the
 * confirmation card). Throws `InvalidInputError` for an impossible draw, a bad seed, or a contest
 * attempt started outside `[opensAt, closesAt)`.
 */
export function startAttempt(options: StartAttemptOptions): Attempt {
  const { id, userId, seed, startedAt, bank } = options;
  assertSeed(seed);
  if (!id || !userId) throw new InvalidInputError('attempt id and user id are required');
  if (!Number.isFinite(startedAt)) throw new InvalidInputError('startedAt must be epoch ms');
  const base = { id, userId, seed, startedAt, status: 'in-progress', version: 0 } as const;
  if (options.mode === 'practice') {
    const plan = drawQuestions(bank, { count: options.count, topic: options.topic }, seed);
    return { ...base, mode: 'practice', plan, answers: plan.map(() => null) };
  }
  const { contest } = options;
  if (startedAt < contest.opensAt || startedAt >= contest.closesAt) {
    throw new InvalidInputError(`contest "${contest.id}" is not open at ${startedAt}`);
  }
  const plan = drawQuestions(bank, { questionsPerTopic: contest.questionsPerTopic }, seed);
  return {
    ...base,
    mode: 'contest',
    contestId: contest.id,
    plan,
    answers: plan.map(() => null),
    deadline: Math.min(startedAt + contest.timeLimitMinutes * 60_000, contest.closesAt),
  };
}

/** Index of the question to answer next (the first unanswered one), or `undefined`. */
export function currentIndex(attempt: Attempt): number | undefined {
  if (attempt.status !== 'in-progress') return undefined;
  const i = attempt.answers.indexOf(null);
  return i < 0 ? undefined : i;
}

/** Whether every question has an answer. */
export function isComplete(attempt: Attempt): boolean {
  return !attempt.answers.includes(null);
}

/**
 * Milliseconds left before the deadline (never negative), 0 once submitted, `undefined` when the
 * attempt has no time limit.
 */
export function remainingMs(attempt: Attempt, now: number): number | undefined {
  if (attempt.deadline === undefined) return undefined;
  if (attempt.status !== 'in-progress') return 0;
  return Math.max(0, attempt.deadline - now);
}

/** `submittedAt − startedAt` of a submitted attempt (for ranking), else `undefined`. */
export function durationMs(attempt: Attempt): number | undefined {
  return attempt.submittedAt === undefined ? undefined : attempt.submittedAt - attempt.startedAt;
}

export type AnswerRejection =
  | 'not-in-progress'
  | 'deadline-passed'
  | 'wrong-question'
  | 'already-answered'
  | 'choice-out-of-range';

export interface AnswerInput {
  /** Question index in the plan, as carried by the card button. */
  readonly index: number;
  /** Option index in the DISPLAYED order (A = 0). */
  readonly choice: number;
  /** Epoch ms. */
  readonly at: number;
}

export type AnswerResult =
  | {
      readonly ok: true;
      readonly attempt: Attempt;
      readonly correct: boolean;
      /** The question answered, options in displayed order, with the correct choice. */
      readonly question: PresentedQuestion;
      /** Every question now has an answer: submit with reason `complete` (after the tiebreak). */
      readonly complete: boolean;
    }
  | { readonly ok: false; readonly reason: AnswerRejection };

/**
 * Records the answer to the current question. Refuses, changing nothing:
 * `not-in-progress` (already submitted), `deadline-passed` (`at ≥ deadline`: the caller should
 * then `expireIfDue`), `already-answered` (that index has an answer: a retried activity or a
 * second click), `wrong-question` (any other index than `currentIndex`, including non-integers
 * and out-of-range indexes), `choice-out-of-range` (not an integer option index).
 * The attempt stays in progress when the last question is answered (`complete: true`) so that a
 * tiebreak can still be asked; the caller submits it with reason `complete`.
 * Throws `NotFoundError` if the planned question is no longer in `bank` (see `presentQuestion`).
 */
export function answerQuestion(attempt: Attempt, input: AnswerInput, bank: QuizBank): AnswerResult {
  const { index, choice, at } = input;
  if (attempt.status !== 'in-progress') return { ok: false, reason: 'not-in-progress' };
  if (attempt.deadline !== undefined && at >= attempt.deadline) {
    return { ok: false, reason: 'deadline-passed' };
  }
  if (Number.isInteger(index) && attempt.answers[index]) {
    return { ok: false, reason: 'already-answered' };
  }
  if (index !== currentIndex(attempt)) return { ok: false, reason: 'wrong-question' };
  const question = presentQuestion(attempt, index, bank);
  const originalChoice = Number.isInteger(choice)
    ? attempt.plan[index]!.optionOrder[choice]
    : undefined;
  if (originalChoice === undefined) return { ok: false, reason: 'choice-out-of-range' };

  const correct = choice === question.correctChoice;
  const answers = attempt.answers.map((a, i) =>
    i === index ? { choice, originalChoice, correct, at } : a,
  );
  const next: Attempt = { ...attempt, answers, version: attempt.version + 1 };
  return { ok: true, attempt: next, correct, question, complete: isComplete(next) };
}

export type TiebreakRejection =
  'not-in-progress' | 'deadline-passed' | 'already-answered' | 'not-a-contest' | 'invalid-value';

/**
 * Records the contest's tiebreak prediction (a non-negative integer below 10^12), once, while the
 * attempt is in progress and before its deadline. Whether the contest has a tiebreak is the
 * caller's knowledge (`contest.tiebreak`).
 */
export function answerTiebreak(
  attempt: Attempt,
  input: { readonly value: number; readonly at: number },
):
  | { readonly ok: true; readonly attempt: Attempt }
  | { readonly ok: false; readonly reason: TiebreakRejection } {
  if (attempt.status !== 'in-progress') return { ok: false, reason: 'not-in-progress' };
  if (attempt.deadline !== undefined && input.at >= attempt.deadline) {
    return { ok: false, reason: 'deadline-passed' };
  }
  if (attempt.mode !== 'contest') return { ok: false, reason: 'not-a-contest' };
  if (attempt.tiebreakAnswer !== undefined) return { ok: false, reason: 'already-answered' };
  if (!Number.isSafeInteger(input.value) || input.value < 0 || input.value >= 1e12) {
    return { ok: false, reason: 'invalid-value' };
  }
  return {
    ok: true,
    attempt: { ...attempt, tiebreakAnswer: input.value, version: attempt.version + 1 },
  };
}

export type SubmitRejection = 'not-in-progress' | 'incomplete';

/**
 * Submits an attempt in progress. If its deadline has already passed at `at`, the attempt is
 * submitted as by `expireIfDue` instead (reason `deadline`, `submittedAt` = deadline), whatever
 * `reason` was asked. Refuses `not-in-progress` (already submitted: a retried `/nopbai`) and
 * `incomplete` (reason `complete` with an unanswered question). Unanswered questions count as
 * wrong. Deadline submissions go through `expireIfDue`, hence no `deadline` reason here.
 */
export function submitAttempt(
  attempt: Attempt,
  at: number,
  reason: Exclude<SubmitReason, 'deadline'>,
):
  | { readonly ok: true; readonly attempt: Attempt }
  | { readonly ok: false; readonly reason: SubmitRejection } {
  if (attempt.status !== 'in-progress') return { ok: false, reason: 'not-in-progress' };
  const expired = expireIfDue(attempt, at);
  if (expired !== attempt) return { ok: true, attempt: expired };
  if (reason === 'complete' && !isComplete(attempt)) return { ok: false, reason: 'incomplete' };
  return { ok: true, attempt: submitted(attempt, at, reason) };
}

/**
 * Submits the attempt with reason `deadline` (and `submittedAt` = its deadline) if it is in
 * progress and `now ≥ deadline`; otherwise returns the SAME object, so `result !== attempt` tells
 * the caller there is something to store. Use it on every turn and in the start-up / timer sweep.
 */
export function expireIfDue(attempt: Attempt, now: number): Attempt {
  if (attempt.status !== 'in-progress' || attempt.deadline === undefined) return attempt;
  if (now < attempt.deadline) return attempt;
  return submitted(attempt, attempt.deadline, 'deadline');
}

function submitted(attempt: Attempt, at: number, reason: SubmitReason): Attempt {
  return {
    ...attempt,
    status: 'submitted',
    // A client clock behind the server's must not give a negative duration.
    submittedAt: Math.max(at, attempt.startedAt),
    submitReason: reason,
    version: attempt.version + 1,
  };
}
