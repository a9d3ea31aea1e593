import {
  canSeeUnit,
  type DirectoryRepository,
  type Person,
  type Unit,
  type UnitTree,
} from '../directory';
import { contestCandidate, isInAudience, type Contest } from '../quiz';
import { audienceReaches, defaultContest, previousContest } from './contest-choice';
import type { QuestionLookup } from './item-analysis';
import type { ContestStatsSource, ParticipantRow, ReportAuditLog } from './ports';
import { notTakenLines, rankingLines, type LineNames } from './report-lines';
import type {
  ExportOutcome,
  NotTakenOutcome,
  RankingOutcome,
  ReportAsker,
  ReportDenial,
  ReportFailure,
  ReportService,
  ReportTarget,
  SummaryOutcome,
} from './report-service';
import type { UnitReport } from './report-types';
import type { ReportWorkbookData } from './report-workbook';
import { buildUnitReport, type BuiltReport, type ContestData } from './unit-report';

/** Lines of a ranking when the caller does not say. */
export const DEFAULT_RANKING_LIMIT = 10;

export interface ReportServiceImplOptions {
  readonly stats: ContestStatsSource;
  readonly audit: ReportAuditLog;
  readonly directory: DirectoryRepository;
  /** Every loaded contest (practice is not a contest and never appears). */
  readonly contests: readonly Contest[];
  /** Topic id → display name. */
  readonly topicNames: ReadonlyMap<string, string>;
  readonly questionLookup: QuestionLookup;
  /** The report chart as PNG (see `ReportChartRenderer`). */
  readonly renderChart: (report: UnitReport) => Promise<Buffer>;
  /** The `.xlsx` export (see `buildReportWorkbook`, with the texts bound). */
  readonly buildWorkbook: (data: ReportWorkbookData) => Promise<Buffer>;
  /** Epoch ms. */
  readonly clock: () => number;
}

type Action = 'baocao' | 'chuathi' | 'xuatexcel' | 'xephang';

/** What an allowed request works on, all from the directory and the loaded contests. */
interface Scope {
  readonly person: Person;
  readonly tree: UnitTree;
  readonly unit: Unit;
  /** The unit and every unit below it. */
  readonly codes: readonly string[];
  readonly contest: Contest;
  readonly now: number;
}

/** A request's result and the note written to the audit log with it. */
interface Done<T> {
  readonly outcome: T;
  readonly detail: string | null;
}

/**
 * The unit reports, over the reporting store's ports and the directory.
 *
 * Access is decided from the directory alone, never from what the request claims:
 * - not in the directory, or an official: `denied/not-allowed` for every request here;
 * - manager: his unit and every unit below it; any other unit, existing or not, is
 *   `denied/unit-not-visible` (the same answer, so a denial reveals nothing);
 * - admin: every unit; an unknown unit is `unit-not-visible` too.
 * With no unit given, a manager gets his own unit and an admin a root unit: the first root by code
 * when the directory holds several trees. A unit code is matched exactly, or else without regard to
 * case when that names exactly one unit.
 * Access is checked before the contest, so a refused request learns nothing about contests either.
 * With no contest given, the one opened most recently among those meant for someone of the unit
 * (`audienceReaches`) is used (`defaultContest`); an unknown id is `unknown-contest` and no such
 * opened contest at all is `no-contest`. A report counts and lists only the people of the unit who
 * may sit the contest (its audience's units and roles).
 *
 * Every call writes exactly one audit record: denials and failures with `allowed: false` and the
 * reason as detail; allowed requests with `allowed: true` once the answer is ready (the file name
 * for an export), or with `failed: <error>` before the error propagates. When the audit log
 * rejects, the call rejects and hands out nothing.
 */
export class ReportServiceImpl implements ReportService {
  constructor(private readonly options: ReportServiceImplOptions) {}

  summary(asker: ReportAsker, target: ReportTarget): Promise<SummaryOutcome> {
    return this.handle('baocao', asker, target, async (scope) => {
      const { report } = await this.buildReport(scope);
      const chartPng = await this.options.renderChart(report);
      return { outcome: { kind: 'summary', report, chartPng }, detail: null };
    });
  }

  notTaken(asker: ReportAsker, target: ReportTarget): Promise<NotTakenOutcome> {
    return this.handle('chuathi', asker, target, async (scope) => {
      const [roster, participantIds] = await Promise.all([
        this.eligiblePeople(scope),
        this.options.stats.participantIds(scope.contest.id),
      ]);
      const people = notTakenLines(roster, participantIds, (code) => scope.tree.get(code)?.name);
      return {
        outcome: {
          kind: 'not-taken',
          contestId: scope.contest.id,
          contestTitle: scope.contest.title,
          unitCode: scope.unit.code,
          unitName: scope.unit.name,
          roster: roster.length,
          people,
        },
        detail: null,
      };
    });
  }

  exportWorkbook(asker: ReportAsker, target: ReportTarget): Promise<ExportOutcome> {
    return this.handle('xuatexcel', asker, target, async (scope) => {
      const [built, participants] = await Promise.all([
        this.buildReport(scope),
        this.options.stats.participants(scope.contest.id, scope.codes),
      ]);
      const names = await this.lineNames(scope, participants);
      const xlsx = await this.options.buildWorkbook({
        report: built.report,
        questions: built.questions,
        participants,
        names,
        topicName: (id) => this.options.topicNames.get(id),
      });
      const fileName = exportFileName(scope.unit.code, scope.contest.id);
      return {
        outcome: { kind: 'export', fileName, xlsx, report: built.report },
        detail: fileName,
      };
    });
  }

  ranking(asker: ReportAsker, target: ReportTarget & { limit?: number }): Promise<RankingOutcome> {
    return this.handle('xephang', asker, target, async (scope) => {
      const rows = await this.options.stats.participants(scope.contest.id, scope.codes);
      const names = await this.lineNames(scope, rows);
      const limit = target.limit ?? DEFAULT_RANKING_LIMIT;
      const { total, lines } = rankingLines(rows, scope.contest, names, limit);
      return {
        outcome: {
          kind: 'ranking',
          contestId: scope.contest.id,
          contestTitle: scope.contest.title,
          unitCode: scope.unit.code,
          unitName: scope.unit.name,
          total,
          lines,
        },
        detail: null,
      };
    });
  }

  /** Decides access, runs `work` when allowed, and writes the one audit record of the call. */
  private async handle<T>(
    action: Action,
    asker: ReportAsker,
    target: ReportTarget,
    work: (scope: Scope) => Promise<Done<T>>,
  ): Promise<T | ReportFailure> {
    const now = this.options.clock();
    const person = await this.options.directory.getPerson(asker.userId);
    const audit = (
      allowed: boolean,
      unitCode: string | null,
      contestId: string | null,
      detail: string | null,
    ) =>
      this.options.audit.record({
        at: new Date(now).toISOString(),
        userId: asker.userId,
        role: person?.role ?? null,
        action,
        unitCode,
        contestId,
        allowed,
        detail,
      });
    const requestedUnit = target.unitCode ?? person?.unitCode ?? null;
    const requestedContest = target.contestId ?? null;

    const deny = async (reason: ReportDenial): Promise<ReportFailure> => {
      await audit(false, requestedUnit, requestedContest, reason);
      return { kind: 'denied', reason };
    };
    if (!person || person.role === 'official') return deny('not-allowed');

    const tree = await this.options.directory.unitTree();
    const unit = this.resolveUnit(person, target.unitCode, tree);
    if (!unit || !canSeeUnit(person, unit.code, tree)) return deny('unit-not-visible');

    const codes = [unit.code, ...tree.descendants(unit.code).map((u) => u.code)];
    let contest: Contest | undefined;
    if (target.contestId !== undefined) {
      contest = this.options.contests.find((c) => c.id === target.contestId);
      if (!contest) {
        await audit(false, unit.code, target.contestId, 'unknown-contest');
        return { kind: 'unknown-contest', contestId: target.contestId };
      }
    } else {
      // The latest contest meant for someone of this unit (a contest for another department would
      // show an empty report).
      const ancestors = tree.ancestors(unit.code).map((u) => u.code);
      const reaching = this.options.contests.filter((c) =>
        audienceReaches(c.audience, codes, ancestors),
      );
      contest = defaultContest(reaching, now);
      if (!contest) {
        await audit(false, unit.code, null, 'no-contest');
        return { kind: 'no-contest' };
      }
    }

    let done: Done<T>;
    try {
      done = await work({ person, tree, unit, codes, contest, now });
    } catch (error) {
      await audit(true, unit.code, contest.id, `failed: ${errorName(error)}`);
      throw error;
    }
    await audit(true, unit.code, contest.id, done.detail);
    return done.outcome;
  }

  /**
   * The people of the scope who may sit its contest (`isInAudience`: unit and role): those the
   * participation rate counts and the not-taken list names. The previous contest a report compares
   * with has the same audience (`previousContest`), hence the same people.
   */
  private async eligiblePeople(scope: Scope): Promise<Person[]> {
    const people = await this.options.directory.listPeople(scope.codes);
    const { audience } = scope.contest;
    return people.filter((p) => isInAudience(audience, contestCandidate(p, scope.tree)));
  }

  private resolveUnit(person: Person, requested: string | undefined, tree: UnitTree) {
    if (requested === undefined) {
      return person.role === 'admin' ? tree.roots()[0] : tree.get(person.unitCode);
    }
    const code = requested.trim();
    const exact = tree.get(code);
    if (exact) return exact;
    const folded = code.toUpperCase();
    const matches = tree.units().filter((u) => u.code.toUpperCase() === folded);
    return matches.length === 1 ? matches[0] : undefined;
  }

  private async buildReport(scope: Scope): Promise<BuiltReport> {
    const { stats, contests } = this.options;
    const previous = previousContest(contests, scope.contest);
    const readContest = async (contest: Contest): Promise<ContestData> => {
      const [unitStats, participantIds] = await Promise.all([
        stats.unitStats(contest.id, scope.codes),
        stats.participantIds(contest.id),
      ]);
      return { contest, stats: unitStats, participantIds };
    };
    const [current, questionStats, people, previousData] = await Promise.all([
      readContest(scope.contest),
      stats.questionStats(scope.contest.id, scope.codes),
      this.eligiblePeople(scope),
      previous ? readContest(previous) : Promise.resolve(undefined),
    ]);
    return buildUnitReport({
      current,
      questionStats,
      ...(previousData ? { previous: previousData } : {}),
      unit: scope.unit,
      tree: scope.tree,
      people,
      topicName: (id) => this.options.topicNames.get(id),
      questionLookup: this.options.questionLookup,
      generatedAt: new Date(scope.now).toISOString(),
    });
  }

  /**
   * Names for the lines of `rows`: people of the scope from one directory read; people attributed
   * to the scope who have since moved elsewhere are looked up one by one.
   */
  private async lineNames(scope: Scope, rows: readonly ParticipantRow[]): Promise<LineNames> {
    const { directory } = this.options;
    const people = new Map((await directory.listPeople(scope.codes)).map((p) => [p.userId, p]));
    const missing = [...new Set(rows.map((r) => r.userId).filter((id) => !people.has(id)))];
    const found = await Promise.all(missing.map((id) => directory.getPerson(id)));
    for (const p of found) if (p) people.set(p.userId, p);
    return {
      person: (userId) => people.get(userId),
      unit: (code) => scope.tree.get(code)?.name,
    };
  }
}

/** `bao-cao-<unit>-<contest>.xlsx`, ASCII only (any other character becomes `-`). */
export function exportFileName(unitCode: string, contestId: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `bao-cao-${safe(unitCode)}-${safe(contestId)}.xlsx`;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
