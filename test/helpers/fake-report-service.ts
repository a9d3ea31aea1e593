import { canSeeUnit, type DirectoryRepository, type Person } from '../../src/directory';
import type {
  ExportOutcome,
  ReportAccessRecord,
  ReportAuditLog,
  NotTakenOutcome,
  RankingOutcome,
  ReportAsker,
  ReportFailure,
  ReportService,
  ReportTarget,
  SummaryOutcome,
  UnitReport,
} from '../../src/reports';

/** A contest the fake knows. */
export interface FakeContest {
  id: string;
  title: string;
  passMark: number;
  /** Epoch ms; the latest one is the default. */
  opensAt: number;
}

/** One call the bot made. */
export interface ReportCall {
  method: 'summary' | 'notTaken' | 'exportWorkbook' | 'ranking';
  asker: ReportAsker;
  target: ReportTarget & { limit?: number };
}

/** A 1×1 transparent PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Audit log kept in memory. */
export class MemoryAuditLog implements ReportAuditLog {
  readonly entries: ReportAccessRecord[] = [];
  failing = false;

  async record(entry: ReportAccessRecord): Promise<void> {
    if (this.failing) throw new Error('audit log unavailable');
    this.entries.push({ ...entry });
  }

  async recent(limit: number): Promise<ReportAccessRecord[]> {
    return this.entries.slice(-limit).reverse();
  }
}

/**
 * A `ReportService` with the real access rules (`canSeeUnit` on the directory's tree) and canned
 * figures: a manager sees his subtree, an admin everything, an official or a stranger nothing; a
 * unit that does not exist is refused like one outside the subtree. Records every call and audits
 * every request like the real service.
 */
export class FakeReportService implements ReportService {
  readonly calls: ReportCall[] = [];
  /** People listed by `/chuathi` (per call: every person of the unit when undefined). */
  notTakenPeople: number | undefined;
  /** When set, every call rejects with it (the reporting store is down). */
  failWith: Error | undefined;
  /** Bytes of every workbook, to compare with a download. */
  xlsx = Buffer.from('PK\u0003\u0004 fake workbook ', 'latin1');

  constructor(
    private readonly directory: DirectoryRepository,
    private readonly contests: readonly FakeContest[],
    readonly audit: MemoryAuditLog = new MemoryAuditLog(),
  ) {}

  isContestId = (id: string): boolean => this.contests.some((c) => c.id === id);

  async summary(asker: ReportAsker, target: ReportTarget): Promise<SummaryOutcome> {
    const scope = await this.scope('summary', 'baocao', asker, target);
    if ('kind' in scope) return scope;
    return { kind: 'summary', report: this.report(scope), chartPng: TINY_PNG };
  }

  async notTaken(asker: ReportAsker, target: ReportTarget): Promise<NotTakenOutcome> {
    const scope = await this.scope('notTaken', 'chuathi', asker, target);
    if ('kind' in scope) return scope;
    const tree = await this.directory.unitTree();
    const codes = [scope.unit, ...tree.descendants(scope.unit).map((u) => u.code)];
    const people = await this.directory.listPeople(codes);
    const missing = people.slice(0, this.notTakenPeople ?? people.length);
    return {
      kind: 'not-taken',
      contestId: scope.contest.id,
      contestTitle: scope.contest.title,
      unitCode: scope.unit,
      unitName: tree.get(scope.unit)!.name,
      roster: people.length,
      people: missing.map((p) => ({
        userId: p.userId,
        fullName: p.fullName,
        unitCode: p.unitCode,
        unitName: tree.get(p.unitCode)!.name,
      })),
    };
  }

  async exportWorkbook(asker: ReportAsker, target: ReportTarget): Promise<ExportOutcome> {
    const scope = await this.scope('exportWorkbook', 'xuatexcel', asker, target);
    if ('kind' in scope) return scope;
    return {
      kind: 'export',
      fileName: `bao-cao-${scope.unit}-${scope.contest.id}.xlsx`,
      xlsx: this.xlsx,
      report: this.report(scope),
    };
  }

  async ranking(
    asker: ReportAsker,
    target: ReportTarget & { limit?: number },
  ): Promise<RankingOutcome> {
    // The ranking is always of the asker's own scope: a unit in the target is ignored.
    const scope = await this.scope(
      'ranking',
      'xephang',
      asker,
      {
        contestId: target.contestId,
      },
      target,
    );
    if ('kind' in scope) return scope;
    const tree = await this.directory.unitTree();
    return {
      kind: 'ranking',
      contestId: scope.contest.id,
      contestTitle: scope.contest.title,
      unitCode: scope.unit,
      unitName: tree.get(scope.unit)!.name,
      total: 1,
      lines: [
        {
          rank: 1,
          userId: scope.person.userId,
          fullName: 'Trần Thị Bình',
          unitCode: scope.unit,
          unitName: tree.get(scope.unit)!.name,
          score: 90,
          durationMs: 125_000,
          tiebreak: 1200,
          tiebreakDistance: 34,
        },
      ],
    };
  }

  private async scope(
    method: ReportCall['method'],
    action: string,
    asker: ReportAsker,
    target: ReportTarget,
    recorded: ReportTarget & { limit?: number } = target,
  ): Promise<ReportFailure | { person: Person; unit: string; contest: FakeContest }> {
    this.calls.push({ method, asker: { ...asker }, target: { ...recorded } });
    if (this.failWith) throw this.failWith;
    const person = await this.directory.getPerson(asker.userId);
    const tree = await this.directory.unitTree();
    const deny = async (failure: ReportFailure, unitCode: string | null) => {
      await this.audit.record({
        at: new Date().toISOString(),
        userId: asker.userId,
        role: person?.role ?? null,
        action,
        unitCode,
        contestId: target.contestId ?? null,
        allowed: false,
        detail: failure.kind === 'denied' ? failure.reason : failure.kind,
      });
      return failure;
    };
    if (!person || person.role === 'official') {
      return deny({ kind: 'denied', reason: 'not-allowed' }, target.unitCode ?? null);
    }
    const unit =
      target.unitCode ?? (person.role === 'admin' ? tree.roots()[0]!.code : person.unitCode);
    if (!canSeeUnit(person, unit, tree)) {
      return deny({ kind: 'denied', reason: 'unit-not-visible' }, unit);
    }
    const contest = target.contestId
      ? this.contests.find((c) => c.id === target.contestId)
      : [...this.contests].sort((a, b) => b.opensAt - a.opensAt)[0];
    if (!contest) {
      return deny(
        target.contestId
          ? { kind: 'unknown-contest', contestId: target.contestId }
          : { kind: 'no-contest' },
        unit,
      );
    }
    await this.audit.record({
      at: new Date().toISOString(),
      userId: asker.userId,
      role: person.role,
      action,
      unitCode: unit,
      contestId: contest.id,
      allowed: true,
      detail: null,
    });
    return { person, unit, contest };
  }

  private report(scope: { unit: string; contest: FakeContest }): UnitReport {
    const figures = {
      roster: 10,
      participants: 8,
      participationRate: 0.8,
      attempts: 9,
      meanScore: 72.45,
      medianScore: 75,
      passRate: 0.75,
      under50Rate: 0.125,
      meanDurationMs: 301_000,
    };
    const scoreCounts = Array.from({ length: 101 }, () => 0);
    scoreCounts[75] = 8;
    return {
      contestId: scope.contest.id,
      contestTitle: scope.contest.title,
      passMark: scope.contest.passMark,
      unitCode: scope.unit,
      unitName: `Đơn vị ${scope.unit}`,
      generatedAt: '2026-05-12T03:04:05.000Z',
      figures,
      scoreCounts,
      topics: [
        {
          topicId: 'an-toan-thong-tin',
          topicName: 'An toàn thông tin',
          meanScore: 61.5,
          asked: 24,
        },
      ],
      subUnits: [
        {
          unitCode: `${scope.unit}-A`,
          unitName: 'Phòng yếu nhất',
          ownStaff: false,
          figures: { ...figures, meanScore: 55.5, passRate: 0.5 },
        },
        { unitCode: scope.unit, unitName: `Đơn vị ${scope.unit}`, ownStaff: true, figures },
      ],
      weakestQuestions: [
        {
          questionId: 'q-1',
          text: 'Mật khẩu mạnh gồm những gì?',
          topicId: 'an-toan-thong-tin',
          attempts: 8,
          facility: 25,
          discrimination: 41.2,
        },
      ],
      comparison: {
        contestId: 'truoc',
        contestTitle: 'Cuộc thi trước',
        previous: figures,
        meanScoreDelta: 2.3,
        passRateDelta: -0.05,
        participationRateDelta: 0.1,
      },
    };
  }
}
