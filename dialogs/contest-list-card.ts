import { ActionTypes, CardFactory, type Attachment, type CardAction } from 'botbuilder';
import type { ContestListing } from '../src/quiz';
import { adaptiveCard, submitAction, supportsAdaptiveCards, textBlock } from './adaptive-card';
import { escapeMarkdown } from './markdown';
import type { Reply } from './messages';
import type { ContestOpenPayload } from './quiz-payloads';
import { quizTexts } from './quiz-texts';

/** The typed command that shows a contest's confirmation card. */
export const contestCommand = (contestId: string): string => `/thi ${contestId}`;

function openButtons(channelId: string | undefined, items: readonly ContestListing[]): Attachment {
  const open = items.filter((i) => i.attemptsLeft > 0);
  const payload = (i: ContestListing): ContestOpenPayload => ({
    type: 'contest-open',
    contestId: i.contest.id,
  });
  if (supportsAdaptiveCards(channelId)) {
    return adaptiveCard(
      [textBlock(quizTexts.contestPick, { weight: 'Bolder' })],
      open.map((i) => submitAction(quizTexts.contestOpenButton(i.contest.title), payload(i))),
      open.map((i) => contestCommand(i.contest.id)).join('\n'),
    );
  }
  const buttons: CardAction[] = open.map((i) => ({
    type: ActionTypes.MessageBack,
    title: quizTexts.contestOpenButton(i.contest.title),
    text: contestCommand(i.contest.id),
    displayText: contestCommand(i.contest.id),
    value: payload(i),
  }));
  return CardFactory.heroCard('', undefined, buttons);
}

/**
 * `/thi`: the contests open to this person, each with its id (to type `/thi <id>`), size, time
 * limit, closing time and attempts left, and a "Dự thi" button for those with attempts left.
 */
export function contestListReply(
  channelId: string | undefined,
  items: readonly ContestListing[],
): Reply {
  if (items.length === 0) {
    return { type: 'message', text: quizTexts.contestListEmpty, textFormat: 'markdown' };
  }
  const lines = items.map((i) => {
    const c = i.contest;
    const item = quizTexts.contestListItem(
      escapeMarkdown(c.title),
      c.id,
      c.questionCount,
      c.timeLimitMinutes,
      c.closesAt,
    );
    const status = i.running
      ? quizTexts.contestRunning(c.id)
      : quizTexts.attemptsLeft(i.attemptsLeft);
    return `1. ${item}; ${status}`;
  });
  const text = [
    quizTexts.contestListTitle,
    lines.join('\n'),
    `_${quizTexts.contestListHint(items[0]!.contest.id)}_`,
  ].join('\n\n');
  const reply: Reply = { type: 'message', text, textFormat: 'markdown' };
  if (!items.some((i) => i.attemptsLeft > 0)) return reply;
  return { ...reply, attachments: [openButtons(channelId, items)] };
}
