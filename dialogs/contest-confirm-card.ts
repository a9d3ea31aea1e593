import { ActionTypes, CardFactory, type Attachment, type CardAction } from 'botbuilder';
import type { ContestListing } from '../src/quiz';
import { adaptiveCard, submitAction, supportsAdaptiveCards, textBlock } from './adaptive-card';
import { escapeMarkdown } from './markdown';
import type { Reply } from './messages';
import type { ContestLaterPayload, ContestStartPayload } from './quiz-payloads';
import { quizTexts } from './quiz-texts';

/** The typed command equivalent to the "Bắt đầu" button, for channels without buttons. */
export const startCommand = (contestId: string): string => `/batdau ${contestId}`;

/** The rules of a contest, one line each, as the confirmation card lists them. */
export function contestRules(listing: ContestListing): string[] {
  const { contest, attemptsLeft, effectiveDeadline } = listing;
  const shortened = effectiveDeadline >= contest.closesAt;
  return [
    quizTexts.confirmQuestions(contest.questionCount),
    quizTexts.confirmTimeLimit(contest.timeLimitMinutes),
    shortened
      ? quizTexts.confirmDeadlineShortened(effectiveDeadline)
      : quizTexts.confirmDeadline(effectiveDeadline),
    quizTexts.confirmPassMark(contest.passMark),
    quizTexts.confirmAttempts(attemptsLeft),
    quizTexts.confirmNoFeedback,
    quizTexts.confirmReview[contest.review],
    ...(contest.tiebreak ? [quizTexts.confirmTiebreak] : []),
    quizTexts.confirmSubmitEarly,
  ];
}

function buttons(
  channelId: string | undefined,
  listing: ContestListing,
  plain: string,
): Attachment {
  const contestId = listing.contest.id;
  const start: ContestStartPayload = { type: 'contest-start', contestId };
  const later: ContestLaterPayload = { type: 'contest-later', contestId };
  if (supportsAdaptiveCards(channelId)) {
    return adaptiveCard(
      [textBlock(listing.contest.title, { weight: 'Bolder' }), textBlock(quizTexts.confirmReady)],
      [
        { ...submitAction(quizTexts.confirmStart, start), style: 'positive' },
        submitAction(quizTexts.confirmLater, later),
      ],
      plain,
    );
  }
  const actions: CardAction[] = [
    {
      type: ActionTypes.MessageBack,
      title: quizTexts.confirmStart,
      text: startCommand(contestId),
      displayText: quizTexts.confirmStart,
      value: start,
    },
    {
      type: ActionTypes.MessageBack,
      title: quizTexts.confirmLater,
      text: quizTexts.confirmLater,
      displayText: quizTexts.confirmLater,
      value: later,
    },
  ];
  return CardFactory.heroCard('', undefined, actions);
}

/**
 * `/thi <id>`: the confirmation card: rules, number of questions, time limit, the deadline if
 * started now, pass mark, attempts left, what happens at the deadline and how `/nopbai` submits at
 * once (no second confirmation), with "Bắt đầu" / "Để sau" buttons.
 */
export function contestConfirmReply(channelId: string | undefined, listing: ContestListing): Reply {
  const text = [
    quizTexts.confirmTitle(escapeMarkdown(listing.contest.title)),
    `**${quizTexts.confirmRulesHeading}**\n${contestRules(listing)
      .map((r) => `- ${r}`)
      .join('\n')}`,
    quizTexts.confirmPrompt,
  ].join('\n\n');
  return {
    type: 'message',
    text,
    textFormat: 'markdown',
    attachments: [buttons(channelId, listing, text)],
  };
}
