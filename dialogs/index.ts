export { texts, formatCount, EXAMPLE_QUESTIONS, DEFAULT_TOPICS, HELP_COMMANDS } from './texts';
export { renderAnswer, renderAnswerPlain, statusWarning, suggestedTopics } from './render-answer';
export { feedbackCard, feedbackPayloadSchema } from './feedback-card';
export type { FeedbackPayload } from './feedback-card';
export { answerReply, helpReply, textReply, welcomeReply } from './messages';
export type { Reply } from './messages';
