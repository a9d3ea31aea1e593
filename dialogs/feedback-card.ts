import { ActionTypes, CardFactory, type Attachment } from 'botbuilder';
import { z } from 'zod';
import { texts } from './texts';

/**
 * What a 👍/👎 button sends back in `activity.value`. Anyone can post any value, so the bot
 * validates it with {@link feedbackPayloadSchema} before use.
 */
export interface FeedbackPayload {
  type: 'feedback';
  answerId: string;
  vote: 'up' | 'down';
}

export const feedbackPayloadSchema = z.object({
  type: z.literal('feedback'),
  answerId: z.string().trim().min(1).max(100),
  vote: z.enum(['up', 'down']),
});

/** A small card with 👍/👎 `messageBack` buttons carrying the answer id (Teams and Web Chat). */
export function feedbackCard(answerId: string): Attachment {
  const button = (vote: FeedbackPayload['vote']) => {
    const value: FeedbackPayload = { type: 'feedback', answerId, vote };
    const title = vote === 'up' ? texts.feedbackUp : texts.feedbackDown;
    return { type: ActionTypes.MessageBack, title, displayText: title, value };
  };
  return CardFactory.heroCard('', texts.feedbackPrompt, undefined, [button('up'), button('down')]);
}
