import type { Person, Unit } from '../../../src/directory';
import { rankingComparator } from '../../../src/quiz';
import type {
  ContestStatsSource,
  ParticipantAttempt,
  ParticipantRow,
  QuestionStats,
  ReportAccessRecord,
  ReportAuditLog,
  UnitContestStats,
} from '../../../src/reports';

/** One submitted contest attempt as the result store would hold it. */
export interface RawAttempt {
  readonly attemptId: string;
  readonly userId: string;
  readonly contestId: string;
  readonly unitCode: string;
  /** ISO 8601 UTC. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly passed: boolean | null;
  readonly tiebreak?: number;
  /** Every question asked, in order, right or not. */
  readonly answers: readonly { questionId: string; topicId: string; right: boolean }[];
}

export const scoreOf = (a: RawAttempt): number =>
  Math.round((100 * a.answers.filter((x) => x.right).length) / a.answers.length);

/**
 * A reference implementation of `ContestStatsSource` over raw attempts, written the obvious way
 * from the ports' contract (first attempt = earliest start, then smallest id).
 */
export class MemoryContestStats implements ContestStatsSource {
  readonly calls: { method: string; contestId: string; unitCodes?: readonly string[] }[] = [];

  constructor(
    private readonly attempts: readonly RawAttempt[],
    private readonly tiebreakAnswer?: (contestId: string) => number | undefined,
  ) {}

  private firsts(contestId: string, unitCodes: readonly string[]): RawAttempt[] {
    const byUser = new Map<string, RawAttempt>();
    for (const a of this.attempts) {
      if (a.contestId !== contestId) continue;
      const f = byUser.get(a.userId);
      if (
        !f ||
        a.startedAt < f.startedAt ||
        (a.startedAt === f.startedAt && a.attemptId < f.attemptId)
      ) {
        byUser.set(a.userId, a);
      }
    }
    return [...byUser.values()].filter((a) => unitCodes.includes(a.unitCode));
  }

  async unitStats(contestId: string, unitCodes: readonly string[]): Promise<UnitContestStats[]> {
    this.calls.push({ method: 'unitStats', contestId, unitCodes });
    const firsts = this.firsts(contestId, unitCodes);
    return unitCodes.flatMap((unitCode) => {
      const all = this.attempts.filter((a) => a.contestId === contestId && a.unitCode === unitCode);
      if (all.length === 0) return [];
      const mine = firsts.filter((a) => a.unitCode === unitCode);
      const scoreCounts = new Array<number>(101).fill(0);
      const topics: Record<string, { correct: number; total: number }> = {};
      for (const a of mine) {
        scoreCounts[scoreOf(a)]!++;
        for (const x of a.answers) {
          const t = (topics[x.topicId] ??= { correct: 0, total: 0 });
          t.total++;
          if (x.right) t.correct++;
        }
      }
      return [
        {
          unitCode,
          attempts: all.length,
          people: mine.length,
          scoreCounts,
          passed: mine.filter((a) => a.passed === true).length,
          durationMsSum: mine.reduce((s, a) => s + a.durationMs, 0),
          topics,
        },
      ];
    });
  }

  async questionStats(contestId: string, unitCodes: readonly string[]): Promise<QuestionStats[]> {
    this.calls.push({ method: 'questionStats', contestId, unitCodes });
    const sums = new Map<
      string,
      { n: number; sumX: number; sumRest: number; sumXRest: number; sumRestSquared: number }
    >();
    for (const a of this.firsts(contestId, unitCodes)) {
      const correct = a.answers.filter((x) => x.right).length;
      for (const q of a.answers) {
        const x = q.right ? 1 : 0;
        const rest = correct - x;
        const s = sums.get(q.questionId) ?? {
          n: 0,
          sumX: 0,
          sumRest: 0,
          sumXRest: 0,
          sumRestSquared: 0,
        };
        s.n++;
        s.sumX += x;
        s.sumRest += rest;
        s.sumXRest += x * rest;
        s.sumRestSquared += rest * rest;
        sums.set(q.questionId, s);
      }
    }
    return [...sums].map(([questionId, s]) => ({ questionId, ...s }));
  }

  async participants(contestId: string, unitCodes: readonly string[]): Promise<ParticipantRow[]> {
    this.calls.push({ method: 'participants', contestId, unitCodes });
    const compare = rankingComparator(this.tiebreakAnswer?.(contestId));
    return this.firsts(contestId, unitCodes).map((first) => {
      const all = this.attempts
        .filter((a) => a.contestId === contestId && a.userId === first.userId)
        .map(toParticipantAttempt);
      const ranked = [...all].sort((a, b) =>
        compare(
          {
            score: a.score,
            durationMs: a.durationMs,
            ...(a.tiebreak !== undefined ? { tiebreakAnswer: a.tiebreak } : {}),
          },
          {
            score: b.score,
            durationMs: b.durationMs,
            ...(b.tiebreak !== undefined ? { tiebreakAnswer: b.tiebreak } : {}),
          },
        ),
      );
      return {
        userId: first.userId,
        unitCode: first.unitCode,
        attempts: all.length,
        first: toParticipantAttempt(first),
        best: ranked[0]!,
      };
    });
  }

  async participantIds(contestId: string): Promise<ReadonlySet<string>> {
    this.calls.push({ method: 'participantIds', contestId });
    return new Set(this.attempts.filter((a) => a.contestId === contestId).map((a) => a.userId));
  }
}

function toParticipantAttempt(a: RawAttempt): ParticipantAttempt {
  const byTopic: Record<string, { correct: number; total: number }> = {};
  for (const x of a.answers) {
    const t = (byTopic[x.topicId] ??= { correct: 0, total: 0 });
    t.total++;
    if (x.right) t.correct++;
  }
  return {
    attemptId: a.attemptId,
    startedAt: a.startedAt,
    submittedAt: new Date(Date.parse(a.startedAt) + a.durationMs).toISOString(),
    durationMs: a.durationMs,
    score: scoreOf(a),
    correct: a.answers.filter((x) => x.right).length,
    total: a.answers.length,
    passed: a.passed,
    ...(a.tiebreak !== undefined ? { tiebreak: a.tiebreak } : {}),
    byTopic,
  };
}

/** The audit log in memory; `failNext` makes the next `record` reject. */
export class MemoryAuditLog implements ReportAuditLog {
  readonly entries: ReportAccessRecord[] = [];
  failNext = false;

  async record(entry: ReportAccessRecord): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('audit log unavailable');
    }
    this.entries.push({ ...entry });
  }

  async recent(limit: number): Promise<ReportAccessRecord[]> {
    return this.entries.slice(-limit).reverse();
  }
}

/** Stats of one unit from a list of first-attempt scores (handy for hand-computed cases). */
export function unitStatsOf(
  unitCode: string,
  scores: readonly number[],
  extra: Partial<UnitContestStats> = {},
): UnitContestStats {
  const scoreCounts = new Array<number>(101).fill(0);
  for (const s of scores) scoreCounts[s]!++;
  return {
    unitCode,
    attempts: scores.length,
    people: scores.length,
    scoreCounts,
    passed: scores.filter((s) => s >= 50).length,
    durationMsSum: scores.length * 600_000,
    topics: {},
    ...extra,
  };
}

export const unit = (code: string, name: string, parentCode?: string): Unit => ({
  code,
  name,
  ...(parentCode ? { parentCode } : {}),
});

export const person = (
  userId: string,
  fullName: string,
  unitCode: string,
  role: Person['role'] = 'official',
): Person => ({ userId, fullName, email: `${userId}@cantho.gov.vn`, unitCode, role });
