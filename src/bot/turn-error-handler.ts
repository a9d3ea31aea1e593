import type { ConversationState, TurnContext } from 'botbuilder';
import { textReply, texts } from '../../dialogs';
import type { Logger } from '../logger';
import { turnLogger } from './turn-logger';

/** Options for {@link createTurnErrorHandler}. */
export interface TurnErrorHandlerOptions {
  logger: Logger;
  conversationState: ConversationState;
}

/**
 * The adapter's `onTurnError`: the one catch-all per turn. Logs the error, apologises in
 * Vietnamese and clears the conversation state so a bad state cannot fail every later turn. It
 * never throws: a failure to apologise (channel down) is logged.
 */
export function createTurnErrorHandler(
  options: TurnErrorHandlerOptions,
): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const log = turnLogger(context, options.logger);
    log.error({ err: error, activityType: context.activity.type }, 'turn failed');
    try {
      await options.conversationState.delete(context);
    } catch (err) {
      log.error({ err }, 'could not clear conversation state after a failed turn');
    }
    if (context.activity.type !== 'message' && context.activity.type !== 'conversationUpdate') {
      return;
    }
    try {
      await context.sendActivity(textReply(texts.turnError));
    } catch (err) {
      log.error({ err }, 'could not send the apology');
    }
  };
}
