export {
  countSentences,
  quizFileSchema,
  quizQuestionSchema,
  quizSourceSchema,
  type QuizFile,
  type QuizQuestion,
  type QuizSource,
} from './quiz-bank-schema';
export {
  loadQuizBank,
  type QuizBank,
  type QuizBankQuestion,
  type QuizBankTopic,
  type QuizSourceDocument,
} from './quiz-bank-loader';
export {
  contestAudienceSchema,
  contestFileSchema,
  contestTiebreakSchema,
  personRoleSchema,
  type ContestAudience,
  type ContestFile,
  type ContestReviewPolicy,
  type ContestTiebreak,
  type PersonRole,
} from './contest-schema';
export { contestFromFile, loadContests } from './contest-loader';
export {
  checkContestStart,
  contestPhase,
  contestCandidate,
  isInAudience,
  reviewAllowed,
  type Contest,
  type ContestCandidate,
  type ContestStartCheck,
  type ContestStartInput,
  type ContestStartRejection,
} from './contest-rules';
export { assertSeed, createRng, MAX_SEED, randomIndex, shuffleInPlace, type Rng } from './prng';
export {
  drawProblems,
  drawQuestions,
  type ContestDrawSpec,
  type DrawSpec,
  type PlannedQuestion,
  type PracticeDrawSpec,
} from './draw';
export { findQuestion } from './question-lookup';
export {
  answerQuestion,
  answerTiebreak,
  currentIndex,
  durationMs,
  expireIfDue,
  isComplete,
  remainingMs,
  startAttempt,
  submitAttempt,
  type AnswerInput,
  type AnswerRecord,
  type AnswerRejection,
  type AnswerResult,
  type Attempt,
  type AttemptMode,
  type AttemptStatus,
  type StartAttemptOptions,
  type StartContestOptions,
  type StartPracticeOptions,
  type SubmitReason,
  type SubmitRejection,
  type TiebreakRejection,
} from './attempt';
export { attemptSchema, parseAttempt } from './attempt-schema';
export { presentQuestion, type PresentedQuestion } from './present-question';
export { score, scorePercent, type AttemptScore, type TopicScore } from './score';
export { looksLikeChoice, parseTypedAnswer, parseTypedNumber } from './typed-answer';
export { rankEntries, rankingComparator, tiebreakDistance, type RankingEntry } from './ranking';
export type * from './quiz-service';
export type {
  AttemptStore,
  CreateAttemptOptions,
  CreateAttemptResult,
  ExpiryNotice,
  UpdateAttemptOptions,
} from './attempt-store';
export { validNewAttempt } from './attempt-store';
export { MemoryAttemptStore, type MemoryAttemptStoreOptions } from './memory-attempt-store';
export {
  DEFAULT_DEDUP_RETENTION_MS,
  MemoryActivityDedup,
  recordActivity,
  type ActivityDedup,
  type ActivityKey,
  type MemoryActivityDedupOptions,
} from './activity-dedup';
export { QuizServiceImpl, type QuizServiceImplOptions } from './quiz-service-impl';
export {
  DeadlineScheduler,
  unrefTimers,
  type DeadlineSchedulerOptions,
  type ExpirySource,
  type SchedulerLog,
  type TimerApi,
} from './deadline-scheduler';
export { deferQuizService } from './deferred-quiz-service';
