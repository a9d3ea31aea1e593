import type { UnitContestStats } from './ports';
import type { ScoreFigures } from './report-types';

/** Number of score bins: scores 0..100. */
export const SCORE_BINS = 101;

/** The aggregates of several units added up (a subtree), as one unit's worth of figures. */
export interface StatsTotals {
  readonly attempts: number;
  readonly people: number;
  /** Length 101. */
  readonly scoreCounts: readonly number[];
  readonly passed: number;
  readonly durationMsSum: number;
  readonly topics: Readonly<Record<string, { readonly correct: number; readonly total: number }>>;
}

/** Adds up the stats of several units (units missing from `stats` simply add nothing). */
export function sumStats(stats: readonly UnitContestStats[]): StatsTotals {
  const scoreCounts = new Array<number>(SCORE_BINS).fill(0);
  const topics: Record<string, { correct: number; total: number }> = {};
  let attempts = 0;
  let people = 0;
  let passed = 0;
  let durationMsSum = 0;
  for (const s of stats) {
    attempts += s.attempts;
    people += s.people;
    passed += s.passed;
    durationMsSum += s.durationMsSum;
    for (let i = 0; i < SCORE_BINS; i++) scoreCounts[i]! += s.scoreCounts[i] ?? 0;
    for (const [topicId, t] of Object.entries(s.topics)) {
      const sum = (topics[topicId] ??= { correct: 0, total: 0 });
      sum.correct += t.correct;
      sum.total += t.total;
    }
  }
  return { attempts, people, scoreCounts, passed, durationMsSum, topics };
}

/**
 * The median of the scores a histogram stands for (`counts[s]` people scored `s`), exactly as the
 * median of the expanded sorted list: the middle value, or the mean of the two middle values for
 * an even count. Null for an empty histogram.
 */
export function medianFromCounts(counts: readonly number[]): number | null {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  // 0-based positions of the middle value(s) in the sorted list.
  const lower = Math.floor((n - 1) / 2);
  const upper = Math.floor(n / 2);
  let lowerValue: number | undefined;
  let seen = 0;
  for (let score = 0; score < counts.length; score++) {
    seen += counts[score]!;
    if (lowerValue === undefined && seen > lower) lowerValue = score;
    if (seen > upper) return (lowerValue! + score) / 2;
  }
  return lowerValue ?? null;
}

/** Mean of the scores a histogram stands for; null for an empty histogram. */
export function meanFromCounts(counts: readonly number[]): number | null {
  let n = 0;
  let sum = 0;
  counts.forEach((c, score) => {
    n += c;
    sum += c * score;
  });
  return n === 0 ? null : sum / n;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Who is in the scope's roster and who of them took part (anywhere), for participation. */
export interface RosterCount {
  /** People of the scope in the current directory. */
  readonly roster: number;
  /** Of them, those with at least one attempt in the contest (wherever attributed). */
  readonly rosterParticipants: number;
}

/**
 * The headline figures of a scope. Mean, median and the share under 50 come from the score
 * histogram (first attempts); pass rate and mean duration divide by the distinct people; the
 * participation rate is roster people who took part ÷ roster.
 */
export function scoreFigures(totals: StatsTotals, roster: RosterCount): ScoreFigures {
  const scored = totals.scoreCounts.reduce((a, b) => a + b, 0);
  let under50 = 0;
  for (let s = 0; s < 50; s++) under50 += totals.scoreCounts[s] ?? 0;
  return {
    roster: roster.roster,
    participants: totals.people,
    participationRate: ratio(roster.rosterParticipants, roster.roster),
    attempts: totals.attempts,
    meanScore: meanFromCounts(totals.scoreCounts),
    medianScore: medianFromCounts(totals.scoreCounts),
    passRate: ratio(totals.passed, totals.people),
    under50Rate: ratio(under50, scored),
    meanDurationMs: ratio(totals.durationMsSum, totals.people),
  };
}
