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
