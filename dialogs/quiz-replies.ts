import type { Attempt, QuizOutcome } from '../src/quiz';
import { contestConfirmReply } from './contest-confirm-card';
import { contestListReply } from './contest-list-card';
import { textReply, type Reply } from './messages';
import { practiceFeedbackReply } from './practice-feedback';
import { questionReply } from './question-card';
import { topicName, type QuizRenderOptions } from './quiz-render-options';
import { quizTexts, type RejectionContext } from './quiz-texts';
import { resultReply } from './result-card';
import { tiebreakReply } from './tiebreak-card';

/** How {@link outcomeReplies} words an outcome in this turn. */
export interface OutcomeReplyOptions extends QuizRenderOptions {
  /** An answer was just recorded: a contest's next question acknowledges it. */
  answered?: boolean;
  /** Paragraphs shown before the question (e.g. a reminder). */
  preface?: readonly string[];
  /**
   * Whether to say, before a question, that the attempt starts, resumes or recorded the answer
   * (default true); a reminder of the current question says none of it.
   */
  introduce?: boolean;
  /** What a rejection message may mention. */
  rejection?: RejectionContext;
  /** The person's name, for a contest result. */
  candidateName?: string;
}

/** The topic of a single-topic practice, for its introduction. */
function singleTopic(attempt: Attempt): string | undefined {
  const topics = new Set(attempt.plan.map((p) => p.topic));
  return topics.size === 1 ? [...topics][0] : undefined;
}

/** What is said before a question or the tiebreak: resumed, starting, or answer recorded. */
function prefaceOf(
  outcome: Extract<QuizOutcome, { kind: 'question' | 'tiebreak' }>,
  options: OutcomeReplyOptions,
): string[] {
  const { attempt } = outcome;
  const contest = attempt.mode === 'contest';
  const preface = [...(options.preface ?? [])];
  if (options.introduce === false) return preface;
  if (outcome.kind === 'question' && outcome.resumed) {
    preface.push(contest ? quizTexts.resumedContest : quizTexts.resumedPractice);
  } else if (outcome.kind === 'question' && attempt.answers.every((a) => a === null)) {
    const topic = singleTopic(attempt);
    preface.push(
      contest
        ? quizTexts.contestIntro
        : quizTexts.practiceIntro(
            attempt.plan.length,
            topic === undefined ? undefined : topicName(options.topics, topic),
          ),
    );
  } else if (contest && options.answered && outcome.kind === 'question') {
    preface.push(quizTexts.answerRecorded(outcome.question.index));
  }
  return preface;
}

/**
 * Everything the person sees of a quiz outcome, in order: practice feedback first, then the next
 * question (or the tiebreak, or the result card); the contest list; the confirmation card; a
 * polite refusal. A duplicate delivery shows nothing.
 */
export function outcomeReplies(outcome: QuizOutcome, options: OutcomeReplyOptions): Reply[] {
  const { channelId, describeSource } = options;
  switch (outcome.kind) {
    case 'question':
      return [
        ...(outcome.feedback ? [practiceFeedbackReply(outcome.feedback, describeSource)] : []),
        questionReply({
          channelId,
          attempt: outcome.attempt,
          question: outcome.question,
          remainingMs: outcome.remainingMs,
          preface: prefaceOf(outcome, options),
        }),
      ];
    case 'tiebreak':
      return [
        tiebreakReply({
          channelId,
          attempt: outcome.attempt,
          contest: outcome.contest,
          remainingMs: outcome.remainingMs,
          preface: prefaceOf(outcome, options),
        }),
      ];
    case 'finished':
      return [
        ...(outcome.feedback ? [practiceFeedbackReply(outcome.feedback, describeSource)] : []),
        resultReply(outcome, {
          topics: options.topics,
          describeSource,
          candidateName: options.candidateName,
        }),
      ];
    case 'contests':
      return [contestListReply(channelId, outcome.items)];
    case 'confirm':
      return [contestConfirmReply(channelId, outcome.listing)];
    case 'cancelled': {
      const answered = outcome.attempt.answers.filter((a) => a !== null).length;
      return [textReply(quizTexts.practiceCancelled(answered, outcome.attempt.plan.length))];
    }
    case 'duplicate':
      return [];
    case 'rejected':
      return [textReply(quizTexts.rejection(outcome.reason, options.rejection))];
  }
}
