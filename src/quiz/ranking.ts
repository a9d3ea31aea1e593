/** What ranking needs to know about one submitted attempt. */
export interface RankingEntry {
  /** Score of 100. */
  readonly score: number;
  /** The tiebreak prediction, if given. */
  readonly tiebreakAnswer?: number;
  /** `submittedAt − startedAt`, see `durationMs`. */
  readonly durationMs: number;
}

/**
 * |prediction − actual|; `Infinity` (the worst) when the prediction is missing, and for everyone
 * when the actual value is not known.
 */
export function tiebreakDistance(
  prediction: number | undefined,
  actual: number | undefined,
): number {
  if (prediction === undefined || actual === undefined) return Infinity;
  return Math.abs(prediction - actual);
}

const ascending = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A sort comparator for contest reports: score descending, then tiebreak distance to `actual`
 * ascending (missing prediction = worst), then duration ascending. Returns 0 only for entries that
 * tie on all three.
 */
export function rankingComparator(
  actual: number | undefined,
): (a: RankingEntry, b: RankingEntry) => number {
  return (a, b) =>
    ascending(b.score, a.score) ||
    ascending(
      tiebreakDistance(a.tiebreakAnswer, actual),
      tiebreakDistance(b.tiebreakAnswer, actual),
    ) ||
    ascending(a.durationMs, b.durationMs);
}

/**
 * Sorts entries by `rankingComparator(actual)` and gives each a competition rank (1, 2, 2, 4):
 * entries that tie on every criterion share a rank. Does not modify `entries`.
 */
export function rankEntries<T extends RankingEntry>(
  entries: readonly T[],
  actual: number | undefined,
): { entry: T; rank: number }[] {
  const compare = rankingComparator(actual);
  const sorted = [...entries].sort(compare);
  const ranked: { entry: T; rank: number }[] = [];
  sorted.forEach((entry, i) => {
    const previous = ranked[i - 1];
    const rank = previous && compare(previous.entry, entry) === 0 ? previous.rank : i + 1;
    ranked.push({ entry, rank });
  });
  return ranked;
}
