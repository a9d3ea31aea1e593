import type { Person } from '../directory';
import { rankEntries, tiebreakDistance, type Contest } from '../quiz';
import type { ParticipantRow } from './ports';
import type { PersonLine, RankingLine } from './report-service';

/** Names of people and units for report lines; both fall back to the id when unknown. */
export interface LineNames {
  readonly person: (userId: string) => Pick<Person, 'fullName'> | undefined;
  readonly unit: (unitCode: string) => string | undefined;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * The ranking of a contest: each person's best attempt, ranked by the contest's rule (score, then
 * tiebreak distance to the organisers' answer when it is known, then duration), with competition
 * ranks (1, 2, 2, 4). `total` counts every ranked person; `lines` holds the first `limit`.
 */
export function rankingLines(
  rows: readonly ParticipantRow[],
  contest: Pick<Contest, 'tiebreak'>,
  names: LineNames,
  limit: number,
): { total: number; lines: RankingLine[] } {
  const actual = contest.tiebreak?.answer;
  const entries = rows.map((row) => ({
    row,
    score: row.best.score,
    durationMs: row.best.durationMs,
    ...(row.best.tiebreak !== undefined ? { tiebreakAnswer: row.best.tiebreak } : {}),
  }));
  const ranked = rankEntries(entries, actual);
  const lines = ranked.slice(0, Math.max(0, limit)).map(({ entry, rank }): RankingLine => {
    const prediction = entry.row.best.tiebreak;
    const distance = tiebreakDistance(prediction, actual);
    return {
      ...personLine(entry.row.userId, entry.row.unitCode, names),
      rank,
      score: entry.score,
      durationMs: entry.durationMs,
      ...(prediction !== undefined ? { tiebreak: prediction } : {}),
      ...(Number.isFinite(distance) ? { tiebreakDistance: distance } : {}),
    };
  });
  return { total: ranked.length, lines };
}

/**
 * The people of `roster` with no attempt in the contest (`participantIds`, wherever attributed),
 * ordered by unit code, then name (Vietnamese collation), then user id.
 */
export function notTakenLines(
  roster: readonly Person[],
  participantIds: ReadonlySet<string>,
  unitName: (unitCode: string) => string | undefined,
): PersonLine[] {
  return roster
    .filter((p) => !participantIds.has(p.userId))
    .sort(
      (a, b) =>
        (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0) ||
        collator.compare(a.fullName, b.fullName) ||
        (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
    )
    .map((p) => ({
      userId: p.userId,
      fullName: p.fullName,
      unitCode: p.unitCode,
      unitName: unitName(p.unitCode) ?? p.unitCode,
    }));
}

function personLine(userId: string, unitCode: string, names: LineNames): PersonLine {
  return {
    userId,
    fullName: names.person(userId)?.fullName ?? userId,
    unitCode,
    unitName: names.unit(unitCode) ?? unitCode,
  };
}
