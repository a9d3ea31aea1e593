export { AssistantBot } from './assistant-bot';
export type { AnswerMetrics, AnswerOutcome, AssistantBotOptions } from './assistant-bot';
export { createTurnErrorHandler } from './turn-error-handler';
export type { TurnErrorHandlerOptions } from './turn-error-handler';
export { TURN_LOGGER_KEY, turnLogger } from './turn-logger';
export { classifyText, normalizeText } from './text-input';
export type { TextInput } from './text-input';
export { QuizRouter } from './quiz-router';
export type { ActivityDedupPort, QuizRouterOptions } from './quiz-router';
