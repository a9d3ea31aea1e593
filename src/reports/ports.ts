/*
 * What the reports need from storage, as small ports. The reporting store (`src/results`)
 * implements them on any Kysely dialect (SQLite embedded, PostgreSQL at scale); the report logic in
 * this folder stays pure.
 *
 * Attribution: a contest result counts toward the unit recorded with it at submission
 * (`ResultEvent.unitCode`), the unit the person belonged to when he sat the contest. Practice
 * results never appear here.
 *
 * First attempt: for each person and contest, the attempt with the earliest `startedAt` (ties:
 * smallest attempt id). Summary figures and item analysis use first attempts only (as Moodle's
 * quiz statistics do by default); attempt counts include every attempt.
 */

/** Score of 100 → how many first attempts got it. */
export type ScoreCounts = readonly number[];

/** Aggregates of one contest for exactly one unit (not its sub-units). */
export interface UnitContestStats {
  readonly unitCode: string;
  /** Every submitted attempt attributed to the unit. */
  readonly attempts: number;
  /** Distinct people with a first attempt attributed to the unit. */
  readonly people: number;
  /** Length 101: `scoreCounts[s]` = first attempts that scored `s` (0..100). */
  readonly scoreCounts: ScoreCounts;
  /** First attempts recorded as passed (`passed` true at submission). */
  readonly passed: number;
  /** Sum of first attempts' durations, ms. */
  readonly durationMsSum: number;
  /** Topic id → questions answered right and asked, over first attempts. */
  readonly topics: Readonly<Record<string, { readonly correct: number; readonly total: number }>>;
}

/**
 * Sums over first attempts for one question, for item analysis. For each first attempt that was
 * asked the question: x = 1 when answered right else 0; rest = the attempt's other right answers
 * (attempt `correct` − x).
 */
export interface QuestionStats {
  readonly questionId: string;
  /** First attempts that were asked the question. */
  readonly n: number;
  readonly sumX: number;
  readonly sumRest: number;
  readonly sumXRest: number;
  readonly sumRestSquared: number;
}

/** One person's part in a contest, for the candidate list, the ranking and `/chuathi`. */
export interface ParticipantRow {
  readonly userId: string;
  /** Unit of the first attempt. */
  readonly unitCode: string;
  readonly attempts: number;
  readonly first: ParticipantAttempt;
  /** The attempt that ranks highest by the contest's rule (see `rankingComparator`). */
  readonly best: ParticipantAttempt;
}

export interface ParticipantAttempt {
  readonly attemptId: string;
  /** ISO 8601 UTC. */
  readonly startedAt: string;
  readonly submittedAt: string;
  readonly durationMs: number;
  readonly score: number;
  readonly correct: number;
  readonly total: number;
  readonly passed: boolean | null;
  readonly tiebreak?: number;
  readonly byTopic: Readonly<Record<string, { readonly correct: number; readonly total: number }>>;
}

/** Read side of the reporting store for contest reports. Unit codes are exact (expand first). */
export interface ContestStatsSource {
  /** One entry per unit in `unitCodes` that has at least one attempt; order unspecified. */
  unitStats(contestId: string, unitCodes: readonly string[]): Promise<UnitContestStats[]>;
  /** One entry per question asked in a first attempt attributed to one of `unitCodes`. */
  questionStats(contestId: string, unitCodes: readonly string[]): Promise<QuestionStats[]>;
  /** One row per person whose first attempt is attributed to one of `unitCodes`. */
  participants(contestId: string, unitCodes: readonly string[]): Promise<ParticipantRow[]>;
  /** User ids with at least one attempt in the contest, wherever attributed. */
  participantIds(contestId: string): Promise<ReadonlySet<string>>;
}

/** One report access, allowed or denied: who, what, when. */
export interface ReportAccessRecord {
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly userId: string;
  /** The role from the directory; null when the user is not in it. */
  readonly role: string | null;
  /** `baocao`, `chuathi`, `xuatexcel`, `xephang`, `download`, `ketqua`. */
  readonly action: string;
  readonly unitCode: string | null;
  readonly contestId: string | null;
  readonly allowed: boolean;
  /** Why it was denied, or a short note (file name for a download). */
  readonly detail: string | null;
}

/** The audit log of report accesses. `record` never drops an entry silently: it rejects instead. */
export interface ReportAuditLog {
  record(entry: ReportAccessRecord): Promise<void>;
  /** Newest first, at most `limit` (tests and the admin). */
  recent(limit: number): Promise<ReportAccessRecord[]>;
}
