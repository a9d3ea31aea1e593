export {
  checkResultEvent,
  RESULT_EVENT_SCHEMA_VERSION,
  resultEventSchema,
  type ResultEvent,
  type ResultEventCheck,
} from './result-event';
export { resultEventFromAttempt } from './result-event-builder';
export { OUTBOX_SCOPE, OutboxMisuseError, SqliteOutbox, type OutboxEntry } from './sqlite-outbox';
export type { ResultStore, ResultSummary, SaveOutcome, StoredResult } from './result-store';
export type { DeadLetter, DeadLetterSource, DeadLetterStore } from './dead-letter-store';
export {
  migrateResultsDatabase,
  openSqliteResultsDatabase,
  RESULTS_MIGRATIONS,
  type SqliteResultsDatabase,
} from './results-database';
export type { ResultsDatabase } from './results-schema';
export { KyselyResultStore, type KyselyResultStoreOptions } from './kysely-result-store';
export { KyselyDeadLetterStore } from './kysely-dead-letter-store';
export { KyselyContestStats } from './kysely-contest-stats';
export { KyselyReportAuditLog, MAX_RECENT_ACCESSES } from './kysely-report-audit-log';
export {
  ResultConsumer,
  type ConsumeOutcome,
  type ResultConsumerOptions,
  type ResultDelivery,
} from './result-consumer';
export type { ResultSink, SinkEntry, SinkOutcome } from './result-sink';
export { InProcessResultSink } from './in-process-result-sink';
// The Redis and BullMQ adapters are in `./queue`: importing them loads bullmq and ioredis.
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { registerResultsMetrics, type ResultsMetricsSources } from './results-metrics';
export {
  ADMIN_QUEUES_PATH,
  createAdminQueuesHandler,
  type AdminQueuesOptions,
  type RawHandler,
} from './admin-queues';
export {
  startResults,
  startResultsWorker,
  type ResultsRuntime,
  type ResultsSettings,
  type ResultsWorkerRuntime,
  type StartResultsOptions,
  type StartResultsWorkerOptions,
} from './results-runtime';
