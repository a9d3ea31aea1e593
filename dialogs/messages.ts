import { ActionTypes, type Activity, type CardAction } from 'botbuilder';
import type { AnswerResult } from '../src/knowledge/types';
import { feedbackCard } from './feedback-card';
import { renderAnswer, suggestedTopics } from './render-answer';
import { quizTexts } from './quiz-texts';
import { reportTexts } from './report-chat-texts';
import { EXAMPLE_QUESTIONS, texts } from './texts';

/** A reply the bot can pass to `context.sendActivity`. */
export type Reply = Partial<Activity>;

const imBack = (text: string): CardAction => ({
  type: ActionTypes.ImBack,
  title: text,
  value: text,
});

/** A plain text reply, rendered as Markdown. */
export function textReply(text: string): Reply {
  return { type: 'message', text, textFormat: 'markdown' };
}

function withSuggestions(text: string, suggestions: readonly string[]): Reply {
  return { ...textReply(text), suggestedActions: { actions: suggestions.map(imBack), to: [] } };
}

/**
 * Greeting for someone who joined: what the assistant does, and example questions to tap; with
 * `withQuiz`, also that he can practise and sit contests.
 */
export function welcomeReply(withQuiz = false): Reply {
  const welcome = withQuiz ? `${texts.welcome}\n\n${quizTexts.welcomeSection}` : texts.welcome;
  return withSuggestions(welcome, EXAMPLE_QUESTIONS);
}

/**
 * How to use the assistant, with example questions to tap; with `withQuiz`, also how to practise
 * and sit contests; with `withReports`, also the managers' report commands.
 */
export function helpReply(maxMessageChars: number, withQuiz = false, withReports = false): Reply {
  const sections = [texts.help(maxMessageChars)];
  if (withQuiz) sections.push(quizTexts.helpSection);
  if (withReports) sections.push(reportTexts.helpSection);
  return withSuggestions(sections.join('\n\n'), EXAMPLE_QUESTIONS);
}

/**
 * An answer: the rendered text, then 👍/👎 buttons carrying `answerId` when something was found,
 * or topic suggestions to tap when nothing was.
 */
export function answerReply(result: AnswerResult, answerId: string): Reply {
  const text = renderAnswer(result);
  if (!result.answered || result.sentences.length === 0) {
    return withSuggestions(text, suggestedTopics(result));
  }
  return { ...textReply(text), attachments: [feedbackCard(answerId)] };
}
