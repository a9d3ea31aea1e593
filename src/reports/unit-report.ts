import type { Person, Unit, UnitTree } from '../directory';
import type { Contest } from '../quiz';
import { questionFigures, weakestQuestions, type QuestionLookup } from './item-analysis';
import type { QuestionStats, UnitContestStats } from './ports';
import type {
  Comparison,
  QuestionFigure,
  ScoreFigures,
  SubUnitRow,
  TopicFigure,
  UnitReport,
} from './report-types';
import { scoreFigures, sumStats, type RosterCount, type StatsTotals } from './score-figures';

/** One contest's data for the scope of a report, as read from the ports. */
export interface ContestData {
  readonly contest: Contest;
  /** Stats of the units of the scope (the unit and every unit below it). */
  readonly stats: readonly UnitContestStats[];
  /** Everybody with an attempt in the contest, wherever attributed. */
  readonly participantIds: ReadonlySet<string>;
}

export interface UnitReportInput {
  readonly current: ContestData;
  readonly questionStats: readonly QuestionStats[];
  /** The contest to compare with (see `previousContest`), read for the same scope. */
  readonly previous?: ContestData;
  readonly unit: Unit;
  readonly tree: UnitTree;
  /** The current directory's people of the scope (the unit's whole subtree). */
  readonly people: readonly Person[];
  readonly topicName: (topicId: string) => string | undefined;
  readonly questionLookup: QuestionLookup;
  /** ISO 8601 UTC. */
  readonly generatedAt: string;
}

export interface BuiltReport {
  readonly report: UnitReport;
  /** Item statistics of every question asked (the export lists them all). */
  readonly questions: readonly QuestionFigure[];
}

/**
 * Builds the summary of one unit's subtree for one contest: headline figures, per-topic means
 * (weakest first), one row per direct sub-unit (its whole subtree) plus an own-staff row for the
 * people attached to the unit itself (when there are any, in the roster or in the results), sorted
 * weakest first, the weakest questions, and the comparison with the previous contest when given.
 */
export function buildUnitReport(input: UnitReportInput): BuiltReport {
  const { current, unit, tree, people } = input;
  const subtree = [unit.code, ...tree.descendants(unit.code).map((u) => u.code)];
  const scope = new Set(subtree);
  const stats = current.stats.filter((s) => scope.has(s.unitCode));
  const statsByUnit = new Map(stats.map((s) => [s.unitCode, s]));
  const peopleByUnit = groupPeople(people.filter((p) => scope.has(p.unitCode)));

  const totals = sumStats(stats);
  const figures = figuresOf(subtree, statsByUnit, peopleByUnit, current.participantIds);

  const rows: SubUnitRow[] = [];
  const ownStats = statsByUnit.get(unit.code);
  const ownPeople = peopleByUnit.get(unit.code) ?? [];
  if (ownPeople.length > 0 || ownStats) {
    rows.push({
      unitCode: unit.code,
      unitName: unit.name,
      ownStaff: true,
      figures: figuresOf([unit.code], statsByUnit, peopleByUnit, current.participantIds),
    });
  }
  for (const child of tree.children(unit.code)) {
    const codes = [child.code, ...tree.descendants(child.code).map((u) => u.code)];
    rows.push({
      unitCode: child.code,
      unitName: child.name,
      ownStaff: false,
      figures: figuresOf(codes, statsByUnit, peopleByUnit, current.participantIds),
    });
  }
  rows.sort(weakestRowFirst);

  const questions = questionFigures(input.questionStats, input.questionLookup);
  const comparison = input.previous
    ? compare(figures, input.previous, scope, peopleByUnit)
    : undefined;

  const report: UnitReport = {
    contestId: current.contest.id,
    contestTitle: current.contest.title,
    passMark: current.contest.passMark,
    unitCode: unit.code,
    unitName: unit.name,
    generatedAt: input.generatedAt,
    figures,
    scoreCounts: totals.scoreCounts,
    topics: topicFigures(current.contest, totals, input.topicName),
    subUnits: rows,
    weakestQuestions: weakestQuestions(questions),
    ...(comparison ? { comparison } : {}),
  };
  return { report, questions };
}

/**
 * Per-topic means: every topic of the contest (asked or not) and any other topic found in the
 * results, weakest first (no question asked last), then by topic id.
 */
export function topicFigures(
  contest: Pick<Contest, 'questionsPerTopic'>,
  totals: Pick<StatsTotals, 'topics'>,
  topicName: (topicId: string) => string | undefined,
): TopicFigure[] {
  const ids = new Set([...Object.keys(contest.questionsPerTopic), ...Object.keys(totals.topics)]);
  return [...ids]
    .map((topicId) => {
      const t = totals.topics[topicId];
      const asked = t?.total ?? 0;
      return {
        topicId,
        topicName: topicName(topicId) ?? topicId,
        meanScore: asked > 0 ? (100 * t!.correct) / asked : null,
        asked,
      };
    })
    .sort(
      (a, b) =>
        nullsLast(a.meanScore, b.meanScore) ||
        (a.topicId < b.topicId ? -1 : a.topicId > b.topicId ? 1 : 0),
    );
}

/** Weakest first: mean score ascending, rows without participants last, then unit code. */
function weakestRowFirst(a: SubUnitRow, b: SubUnitRow): number {
  return (
    nullsLast(a.figures.meanScore, b.figures.meanScore) ||
    (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0)
  );
}

function compare(
  figures: ScoreFigures,
  previous: ContestData,
  scope: ReadonlySet<string>,
  peopleByUnit: ReadonlyMap<string, readonly Person[]>,
): Comparison {
  const prev = figuresOf(
    [...scope],
    new Map(previous.stats.filter((s) => scope.has(s.unitCode)).map((s) => [s.unitCode, s])),
    peopleByUnit,
    previous.participantIds,
  );
  return {
    contestId: previous.contest.id,
    contestTitle: previous.contest.title,
    previous: prev,
    meanScoreDelta: delta(figures.meanScore, prev.meanScore),
    passRateDelta: delta(figures.passRate, prev.passRate),
    participationRateDelta: delta(figures.participationRate, prev.participationRate),
  };
}

function figuresOf(
  codes: readonly string[],
  statsByUnit: ReadonlyMap<string, UnitContestStats>,
  peopleByUnit: ReadonlyMap<string, readonly Person[]>,
  participantIds: ReadonlySet<string>,
): ScoreFigures {
  const stats: UnitContestStats[] = [];
  const people: Person[] = [];
  for (const code of codes) {
    const s = statsByUnit.get(code);
    if (s) stats.push(s);
    people.push(...(peopleByUnit.get(code) ?? []));
  }
  return scoreFigures(sumStats(stats), rosterCount(people, participantIds));
}

function rosterCount(people: readonly Person[], participantIds: ReadonlySet<string>): RosterCount {
  let rosterParticipants = 0;
  for (const p of people) if (participantIds.has(p.userId)) rosterParticipants++;
  return { roster: people.length, rosterParticipants };
}

function groupPeople(people: readonly Person[]): Map<string, Person[]> {
  const byUnit = new Map<string, Person[]>();
  for (const p of people) {
    const list = byUnit.get(p.unitCode);
    if (list) list.push(p);
    else byUnit.set(p.unitCode, [p]);
  }
  return byUnit;
}

function delta(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

function nullsLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}
