import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

/** Turn-state key under which the HTTP layer leaves a logger bound to the request id. */
export const TURN_LOGGER_KEY = Symbol('turnLogger');

/**
 * The logger for this turn: the request's child logger when the server left one, else `fallback`;
 * always bound to the conversation and activity ids.
 */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  const base = (context.turnState.get(TURN_LOGGER_KEY) as Logger | undefined) ?? fallback;
  return base.child({
    conversationId: context.activity.conversation?.id,
    activityId: context.activity.id,
  });
}
