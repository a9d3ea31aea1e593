import type { UnitReport } from './report-types';

/*
 * The application port the chat commands call. Every request names only the asking user's
 * channel id: role and unit come from the directory, never from the message or a card payload.
 * Each call writes one audit record (allowed or denied).
 */

/** Who asks: the channel user id (Teams `aadObjectId`, otherwise `from.id`). */
export interface ReportAsker {
  readonly userId: string;
}

/**
 * Why a request was refused. Deliberately coarse: a manager asking about a unit outside his
 * subtree and about a unit that does not exist gets the same `unit-not-visible`, so a denial
 * reveals nothing about other units.
 */
export type ReportDenial =
  /** Not in the directory, or an official asking for a unit report. */
  | 'not-allowed'
  /** The unit does not exist or is outside the asker's subtree. */
  | 'unit-not-visible';

export type ReportFailure =
  | { readonly kind: 'denied'; readonly reason: ReportDenial }
  /** The contest id is unknown (ids of contests are public: they are listed by `/thi`). */
  | { readonly kind: 'unknown-contest'; readonly contestId: string }
  /** No contest has opened yet, so there is no default. */
  | { readonly kind: 'no-contest' };

export interface PersonLine {
  readonly userId: string;
  readonly fullName: string;
  readonly unitCode: string;
  readonly unitName: string;
}

export interface RankingLine extends PersonLine {
  readonly rank: number;
  readonly score: number;
  readonly durationMs: number;
  readonly tiebreak?: number;
  /** |tiebreak − the contest's answer|; absent when either is unknown. */
  readonly tiebreakDistance?: number;
}

export type SummaryOutcome =
  | ReportFailure
  | { readonly kind: 'summary'; readonly report: UnitReport; readonly chartPng: Buffer };

export type NotTakenOutcome =
  | ReportFailure
  | {
      readonly kind: 'not-taken';
      readonly contestId: string;
      readonly contestTitle: string;
      readonly unitCode: string;
      readonly unitName: string;
      readonly roster: number;
      /** Everyone in the unit's subtree with no submitted attempt, by unit then name. */
      readonly people: readonly PersonLine[];
    };

export type ExportOutcome =
  | ReportFailure
  | {
      readonly kind: 'export';
      /** e.g. `bao-cao-CT-SNV-danh-gia-nang-luc-cds-2026.xlsx` (ASCII). */
      readonly fileName: string;
      readonly xlsx: Buffer;
      readonly report: UnitReport;
    };

export type RankingOutcome =
  | ReportFailure
  | {
      readonly kind: 'ranking';
      readonly contestId: string;
      readonly contestTitle: string;
      readonly unitCode: string;
      readonly unitName: string;
      readonly total: number;
      /** Best attempt per person, ranked; at most `limit` lines. */
      readonly lines: readonly RankingLine[];
    };

/** Optional targets: absent unit = the asker's own unit (root for an admin with no unit given). */
export interface ReportTarget {
  readonly unitCode?: string;
  readonly contestId?: string;
}

export interface ReportService {
  /** `/baocao [unit] [contest]`: managers (own subtree) and admins. */
  summary(asker: ReportAsker, target: ReportTarget): Promise<SummaryOutcome>;
  /** `/chuathi [unit]`: people of the subtree with no attempt in the contest. */
  notTaken(asker: ReportAsker, target: ReportTarget): Promise<NotTakenOutcome>;
  /** `/xuatexcel [unit] [contest]`: the workbook. */
  exportWorkbook(asker: ReportAsker, target: ReportTarget): Promise<ExportOutcome>;
  /** `/xephang [contest]`: managers see their subtree's ranking, admins everyone's. */
  ranking(asker: ReportAsker, target: ReportTarget & { limit?: number }): Promise<RankingOutcome>;
}
