export {
  texts,
  formatCount,
  EXAMPLE_QUESTIONS,
  DEFAULT_TOPICS,
  GREETINGS,
  HELP_COMMANDS,
  THANKS,
} from './texts';
export { renderAnswer, renderAnswerPlain, statusWarning, suggestedTopics } from './render-answer';
export { feedbackCard, feedbackPayloadSchema } from './feedback-card';
export type { FeedbackPayload } from './feedback-card';
export { answerReply, helpReply, textReply, welcomeReply } from './messages';
export type { Reply } from './messages';
export { quizTexts, type RejectionContext } from './quiz-texts';
export { choiceLetter, formatDuration, formatInstant, lettersOr, textBar } from './quiz-format';
export {
  isQuizValue,
  plainAnswerPayload,
  quizPayloadSchema,
  type ContestLaterPayload,
  type ContestOpenPayload,
  type ContestStartPayload,
  type QuizAnswerPayload,
  type QuizPayload,
  type QuizTiebreakPayload,
} from './quiz-payloads';
export {
  looksLikeTypedAnswer,
  parseConfirmation,
  parseQuizCommand,
  type QuizCommand,
} from './quiz-commands';
export { matchTopic } from './practice-topic';
export {
  citeSource,
  topicName,
  type DescribeSource,
  type QuizRenderOptions,
  type QuizTopicInfo,
  type SourceDescription,
} from './quiz-render-options';
export { supportsAdaptiveCards, ADAPTIVE_CARD_VERSION } from './adaptive-card';
export {
  answerPayload,
  questionReply,
  questionText,
  type QuestionReplyInput,
} from './question-card';
export { tiebreakReply, TIEBREAK_INPUT_ID, type TiebreakReplyInput } from './tiebreak-card';
export { practiceFeedbackReply, practiceFeedbackText } from './practice-feedback';
export {
  contestExpiredReply,
  resultReply,
  resultText,
  type ResultReplyOptions,
} from './result-card';
export { contestCommand, contestListReply } from './contest-list-card';
export { contestConfirmReply, contestRules, startCommand } from './contest-confirm-card';
export { outcomeReplies, type OutcomeReplyOptions } from './quiz-replies';
export { QuizPresenter, type QuizNext } from './quiz-presenter';
export { isUnhandled, quizUser, UNHANDLED, type QuizDialogDeps } from './quiz-dialog-deps';
export { answerTurn } from './answer-turn';
export { ATTEMPT_DIALOG, AttemptDialog, type AttemptDialogOptions } from './attempt-dialog';
export { PRACTICE_DIALOG, PracticeDialog, type PracticeDialogOptions } from './practice-dialog';
export { CONTEST_DIALOG, ContestDialog, type ContestDialogOptions } from './contest-dialog';
export { isResultsCommand, myResultsReply, renderMyResults, resultsTexts } from './results-texts';
export {
  MAX_REPORT_ARGS,
  parseReportCommand,
  REPORT_CODE,
  type ReportCommand,
  type ReportCommandKind,
} from './report-commands';
export { isReportValue, reportPayloadSchema, type ReportPayload } from './report-payloads';
export { reportTexts } from './report-chat-texts';
export { summaryReply, summaryText, MAX_SUB_UNIT_ROWS } from './report-summary';
export {
  argumentProblemReply,
  exportReply,
  failureReply,
  notTakenReply,
  NOT_TAKEN_LIMIT,
  rankingReply,
  type FailureContext,
} from './report-replies';
export {
  ComponentDialog,
  Dialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
  type WaterfallStepContext,
} from './dialog-framework';
