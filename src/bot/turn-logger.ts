import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

/**
 * Turn-state key under which the HTTP layer leaves a logger already bound to the request,
 * conversation and activity ids.
 */
export const TURN_LOGGER_KEY = Symbol('turnLogger');

/**
 * The logger for this turn: the one the server left in turn state, or else `fallback` bound to the
 * conversation and activity ids (turns run without the server, e.g. in tests).
 */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  const bound = context.turnState.get(TURN_LOGGER_KEY) as Logger | undefined;
  return (
    bound ??
    fallback.child({
      conversationId: context.activity.conversation?.id,
      activityId: context.activity.id,
    })
  );
}
