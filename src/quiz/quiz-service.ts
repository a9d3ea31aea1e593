import type { ActivityKey } from './activity-dedup';
import type { Attempt } from './attempt';
import type { Contest } from './contest-rules';
import type { PresentedQuestion } from './present-question';
import type { AttemptScore } from './score';

/**
 * The application port between the chat (dialogs, bot) and the quiz engine with its stores.
 * Implementations keep attempts durable and server-side: every call re-reads the stored attempt,
 * applies the pure engine, and writes back only if the stored version is still the one read
 * (optimistic concurrency), so two racing answers produce exactly one change. Calls never throw
 * for bad user input: they return a `rejected` outcome with a reason the dialogs put into words.
 */
export interface QuizService {
  /** `/luyentap [chủ đề]`: starts (or resumes) a practice of N questions. */
  startPractice(user: QuizUser, topic?: string): Promise<QuizOutcome>;
  /** `/thi`: the contests open to this person now, with attempts left. */
  listContests(user: QuizUser): Promise<QuizOutcome>;
  /** `/thi <id>`: the confirmation (rules, time limit, effective deadline, attempts left). */
  prepareContest(user: QuizUser, contestId: string): Promise<QuizOutcome>;
  /** The confirmation card's "Bắt đầu" button: starts the attempt (eligibility checked again). */
  startContest(user: QuizUser, contestId: string): Promise<QuizOutcome>;
  /** An answer from a card button (attemptId + index + choice) or typed text ("A", "b", "3"). */
  answer(user: QuizUser, input: QuizAnswerInput): Promise<QuizOutcome>;
  /** `/nopbai`: submits the running contest (or practice) early. */
  submit(user: QuizUser): Promise<QuizOutcome>;
  /** `/huy`: stops a running practice (a contest cannot be cancelled, only submitted). */
  cancel(user: QuizUser): Promise<QuizOutcome>;
  /** The person's running attempt, if any, with its current question (to resume after a restart). */
  resume(user: QuizUser): Promise<QuizOutcome | undefined>;
  /**
   * Finalises every in-progress attempt whose deadline has passed (unanswered = wrong) and returns
   * them with their results, so the caller can send each person a proactive message. Idempotent.
   */
  expireDue(now: number): Promise<ExpiredAttempt[]>;
  /** The earliest deadline among in-progress attempts, for the scheduler's next timer. */
  nextDeadline(): Promise<number | undefined>;
}

/** Who is acting, and where to reach him again (for the deadline's proactive message). */
export interface QuizUser {
  /** Teams `aadObjectId`, else `from.id`: the directory key. */
  userId: string;
  /** Opaque, JSON-serialisable conversation reference stored with the attempt. */
  conversation: unknown;
  /**
   * The inbound activity this call handles, when the channel identifies it. The change it makes
   * (an attempt started, a typed answer recorded, a submission) is stored with it atomically; a
   * second delivery of the same activity then changes nothing and gets `duplicate`. (A button
   * answer names its attempt and question: its second delivery is a `duplicate` anyway.)
   */
  activity?: ActivityKey;
}

export type QuizAnswerInput =
  | { kind: 'button'; attemptId: string; index: number; choice: number }
  | { kind: 'text'; text: string };

/** A contest as listed to a person. */
export interface ContestListing {
  contest: Contest;
  attemptsLeft: number;
  /** The person is sitting this contest now (its attempt counts as used in `attemptsLeft`). */
  running?: boolean;
  /** Epoch ms: the earlier of now + time limit and the contest's close. */
  effectiveDeadline: number;
}

export type QuizRejection =
  | 'no-active-attempt'
  | 'nothing-running'
  | 'attempt-running'
  | 'unknown-contest'
  | 'not-in-directory'
  | 'not-open-yet'
  | 'closed'
  | 'not-in-audience'
  | 'no-attempts-left'
  | 'unknown-topic'
  | 'invalid-answer'
  | 'invalid-prediction'
  | 'wrong-attempt'
  | 'wrong-question'
  | 'already-answered'
  | 'choice-out-of-range'
  | 'deadline-passed'
  | 'contest-cannot-be-cancelled'
  | 'conflict';

/** Feedback on the answer just given (practice only; contests give none until the end). */
export interface AnswerFeedback {
  question: PresentedQuestion;
  chosen: number;
  correct: boolean;
}

/** A wrong answer shown in the review after submission, when the contest allows it. */
export interface ReviewItem {
  question: PresentedQuestion;
  chosen: number | null;
}

export interface FinishedAttempt {
  attempt: Attempt;
  contest?: Contest;
  score: AttemptScore;
  /** Present when the review policy allows showing answers now. */
  review?: ReviewItem[];
}

export interface ExpiredAttempt extends FinishedAttempt {
  conversation: unknown;
}

export type QuizOutcome =
  | {
      kind: 'question';
      attempt: Attempt;
      question: PresentedQuestion;
      /** Undefined when there is no time limit. */
      remainingMs?: number;
      feedback?: AnswerFeedback;
      /** True when an existing running attempt was resumed instead of starting a new one. */
      resumed?: boolean;
    }
  | { kind: 'tiebreak'; attempt: Attempt; contest: Contest; remainingMs?: number }
  | ({ kind: 'finished'; feedback?: AnswerFeedback } & FinishedAttempt)
  | { kind: 'contests'; items: ContestListing[] }
  | { kind: 'confirm'; listing: ContestListing }
  | { kind: 'cancelled'; attempt: Attempt }
  /** Already done: the same answer again, or an activity delivered twice. Nothing changed. */
  | { kind: 'duplicate' }
  | {
      kind: 'rejected';
      reason: QuizRejection;
      /** For `attempt-running`: the attempt that runs, so the reply can name it. */
      attempt?: Attempt;
    };
