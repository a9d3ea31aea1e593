export { openSqliteDatabase } from './sqlite-database';
export type { SqliteDatabase, SqliteDatabaseOptions } from './sqlite-database';
export { runMigrations } from './sqlite-migrations';
export type { Migration } from './sqlite-migrations';
export { SqliteStorage } from './sqlite-storage';
export { SqliteFeedbackStore } from './sqlite-feedback-store';
export type { SqliteFeedbackStoreOptions } from './sqlite-feedback-store';
export type {
  AnswerRecord,
  FeedbackStore,
  NewAnswer,
  UnansweredQuestion,
  Vote,
  VoteInput,
} from './feedback-store';
export {
  SqliteDirectoryRepository,
  type SqliteDirectoryRepositoryOptions,
} from './sqlite-directory-repository';
export { SqliteAttemptStore, type SqliteAttemptStoreOptions } from './sqlite-attempt-store';
export { SqliteActivityDedup, type SqliteActivityDedupOptions } from './sqlite-activity-dedup';
