import type { FinishedAttempt, ReviewItem } from '../src/quiz';
import { escapeMarkdown } from './markdown';
import type { Reply } from './messages';
import { choiceLetter, textBar } from './quiz-format';
import {
  citeSource,
  topicName,
  type DescribeSource,
  type QuizTopicInfo,
} from './quiz-render-options';
import { quizTexts } from './quiz-texts';

/** What a result shows besides the finished attempt. */
export interface ResultReplyOptions {
  topics?: readonly QuizTopicInfo[];
  describeSource?: DescribeSource;
  /** The person's name from the directory, shown on a contest result. */
  candidateName?: string;
  /** Leave out the line saying why the attempt was submitted (the caller says it already). */
  omitReason?: boolean;
}

function optionLabel(item: ReviewItem, choice: number): string {
  return `**${choiceLetter(choice)}.** ${escapeMarkdown(item.question.options[choice] ?? '')}`;
}

function reviewLines(item: ReviewItem, describeSource: DescribeSource | undefined): string {
  const q = item.question;
  const chosen =
    item.chosen === null
      ? quizTexts.reviewNotAnswered
      : quizTexts.reviewChosen(optionLabel(item, item.chosen));
  return [
    `1. ${quizTexts.reviewQuestion(q.index + 1, escapeMarkdown(q.text))}`,
    `   - ${chosen}`,
    `   - ${quizTexts.reviewAnswer(optionLabel(item, q.correctChoice))}`,
    `   - ${quizTexts.explanationLabel} ${escapeMarkdown(q.explanation)}`,
    `   - ${quizTexts.sourceLabel} ${citeSource(q.source, describeSource)}`,
  ].join('\n');
}

/**
 * The result of a submitted attempt as Markdown: score of 100, pass or fail against the contest's
 * pass mark, the tiebreak prediction, a text bar per topic, and, when `review` is present, every
 * wrong or unanswered question with the right option, its explanation and citation (or when the
 * answers will be published, if the contest withholds them for now).
 */
export function resultText(finished: FinishedAttempt, options: ResultReplyOptions = {}): string {
  const { attempt, contest, score, review } = finished;
  const parts: string[] = [
    contest ? quizTexts.resultContestTitle(contest.title) : quizTexts.resultPracticeTitle,
  ];
  if (contest && options.candidateName) parts.push(quizTexts.candidate(options.candidateName));
  if (!options.omitReason && attempt.submitReason) {
    parts.push(quizTexts.submitReason[attempt.submitReason]);
  }
  parts.push(quizTexts.scoreLine(score.score, score.correct, score.total));
  if (contest && score.passed !== undefined) {
    parts.push(
      score.passed ? quizTexts.passed(contest.passMark) : quizTexts.failed(contest.passMark),
    );
  }
  if (attempt.tiebreakAnswer !== undefined) {
    parts.push(quizTexts.tiebreakGiven(attempt.tiebreakAnswer, contest?.tiebreak?.unit));
  }
  // In the bank's order when it is known, so that results always list topics alike.
  const order = (id: string) => options.topics?.findIndex((t) => t.id === id) ?? -1;
  const entries = Object.entries(score.byTopic).sort(([a], [b]) => order(a) - order(b));
  const topics = entries.map(
    ([id, t]) =>
      `- ${textBar(t.correct, t.total)} ${t.correct}/${t.total} · ${escapeMarkdown(topicName(options.topics, id))}`,
  );
  if (topics.length > 0) parts.push(`${quizTexts.byTopicHeading}\n${topics.join('\n')}`);
  if (review) {
    parts.push(
      review.length === 0
        ? quizTexts.reviewAllRight
        : `${quizTexts.reviewHeading}\n\n${review.map((r) => reviewLines(r, options.describeSource)).join('\n\n')}`,
    );
  } else if (contest?.review === 'after-close') {
    parts.push(quizTexts.reviewAfterClose(contest.closesAt));
  } else if (contest?.review === 'never') {
    parts.push(quizTexts.reviewNever);
  }
  if (attempt.mode === 'practice') parts.push(quizTexts.practiceAgain);
  return parts.join('\n\n');
}

/** The result card of a submitted attempt (see {@link resultText}); Markdown works everywhere. */
export function resultReply(finished: FinishedAttempt, options: ResultReplyOptions = {}): Reply {
  return { type: 'message', text: resultText(finished, options), textFormat: 'markdown' };
}

/**
 * The proactive message the deadline scheduler sends when a contest attempt ran out of time with
 * no message from the person: time is up, the attempt was submitted automatically, and its result.
 */
export function contestExpiredReply(
  finished: FinishedAttempt,
  options: Omit<ResultReplyOptions, 'omitReason'> = {},
): Reply {
  const title = finished.contest?.title;
  const text = [
    title ? quizTexts.contestExpired(title) : quizTexts.submitReason.deadline,
    resultText(finished, { ...options, omitReason: true }),
  ].join('\n\n');
  return { type: 'message', text, textFormat: 'markdown' };
}
