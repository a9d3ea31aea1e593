/**
 * The reporting database's tables as Kysely sees them (types only): what the stores, the
 * aggregates and the migrations share. `results-database.ts` creates and migrates them.
 */

/** Table `competency_results`: one row per attempt. Types are what both dialects return. */
export interface CompetencyResultsTable {
  attempt_id: string;
  schema_version: number;
  contest_id: string | null;
  mode: string;
  user_id: string;
  unit_code: string | null;
  /** ISO 8601 UTC. */
  started_at: string;
  submitted_at: string;
  /** bigint columns come back as strings from PostgreSQL: read through `Number()`. */
  duration_ms: number | string;
  score: number;
  correct: number;
  total: number;
  /** 1, 0, or null (no pass mark): an integer so that both dialects bind it. */
  passed: number | null;
  /** JSON text. */
  by_topic: string;
  /** JSON text. */
  answers: string;
  tiebreak: number | string | null;
  stored_at: string;
}

/** Table `result_dead_letters`: deliveries the consumer refused, with the reason. */
export interface ResultDeadLettersTable {
  /** The delivery's id (the job id; the attempt id for outbox deliveries). */
  id: string;
  attempt_id: string | null;
  source: string;
  reason: string;
  payload: string;
  received_at: string;
}

/*
 * Contest aggregates, maintained with each insert (see `contest-aggregates.ts`) so that reports
 * never read the `answers` column. Rows are keyed by contest and the unit recorded with the attempt;
 * attempts without a unit count nowhere. Counters are bigint: PostgreSQL returns them as strings,
 * so read them through `Number()`. A row whose `n` fell back to 0 (its first attempt was displaced)
 * stays and is skipped by readers.
 */

/**
 * Table `contest_participants`: per (contest, person), the current first attempt (and its unit, the
 * person's unit for reports), the best attempt by the ranking rule, and the attempt count. Each of
 * the two attempts is copied whole (all but its answers) into columns `first_*` and `best_*`, so
 * that the participant list is read from this table alone.
 */
export interface ContestParticipantsTable
  extends AttemptColumns<'first_'>, AttemptColumns<'best_'> {
  contest_id: string;
  user_id: string;
  /** The first attempt's unit. */
  unit_code: string | null;
  attempts: number | string;
}

/**
 * One attempt's columns in `contest_participants`, named `${prefix}${column}`. `attempt_id`,
 * `started_at` (both), `score` and `duration_ms` (best) came with migration 0003; the others with
 * 0005, nullable in SQL (a column added to a table with rows cannot be NOT NULL without a default)
 * but filled by its backfill and by every write since.
 */
export type AttemptColumns<P extends 'first_' | 'best_'> = {
  [K in keyof ParticipantAttemptColumns as `${P}${K}`]: ParticipantAttemptColumns[K];
};

/** The columns of {@link AttemptColumns}, unprefixed: as in `competency_results`. */
export type ParticipantAttemptColumns = Pick<
  CompetencyResultsTable,
  | 'attempt_id'
  | 'started_at'
  | 'submitted_at'
  | 'duration_ms'
  | 'score'
  | 'correct'
  | 'total'
  | 'passed'
  | 'tiebreak'
  | 'by_topic'
>;

/** Table `contest_unit_stats`: per (contest, unit). */
export interface ContestUnitStatsTable {
  contest_id: string;
  unit_code: string;
  /** Every attempt. */
  attempts: number | string;
  /** First attempts, and of those: passed, and their durations summed. */
  people: number | string;
  passed: number | string;
  duration_ms_sum: number | string;
}

/** Table `contest_unit_scores`: first attempts per (contest, unit, score). */
export interface ContestUnitScoresTable {
  contest_id: string;
  unit_code: string;
  score: number;
  n: number | string;
}

/** Table `contest_unit_topics`: per (contest, unit, topic), over first attempts. */
export interface ContestUnitTopicsTable {
  contest_id: string;
  unit_code: string;
  topic: string;
  /** First attempts that list the topic. */
  n: number | string;
  correct: number | string;
  total: number | string;
}

/** Table `contest_unit_questions`: item-analysis sums per (contest, unit, question). */
export interface ContestUnitQuestionsTable {
  contest_id: string;
  unit_code: string;
  question_id: string;
  n: number | string;
  sum_x: number | string;
  sum_rest: number | string;
  sum_x_rest: number | string;
  sum_rest_sq: number | string;
}

/**
 * Table `contest_questions`: the sums of `contest_unit_questions` over every unit of a contest, so
 * that a report on (nearly) all units subtracts the few units left out instead of adding all.
 */
export type ContestQuestionsTable = Omit<ContestUnitQuestionsTable, 'unit_code'>;

/** Table `report_access_log`: one row per report access, allowed or denied. */
export interface ReportAccessLogTable {
  /** Sortable within a process: the clock's ms and a counter (see the audit log). */
  id: string;
  at: string;
  user_id: string;
  role: string | null;
  action: string;
  unit_code: string | null;
  contest_id: string | null;
  /** 1 or 0. */
  allowed: number;
  detail: string | null;
}

/** The reporting database as Kysely sees it. */
export interface ResultsDatabase {
  competency_results: CompetencyResultsTable;
  result_dead_letters: ResultDeadLettersTable;
  contest_participants: ContestParticipantsTable;
  contest_unit_stats: ContestUnitStatsTable;
  contest_unit_scores: ContestUnitScoresTable;
  contest_unit_topics: ContestUnitTopicsTable;
  contest_unit_questions: ContestUnitQuestionsTable;
  contest_questions: ContestQuestionsTable;
  report_access_log: ReportAccessLogTable;
}
