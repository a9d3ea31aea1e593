import { rankEntries, rankingComparator, tiebreakDistance } from '../../../src/quiz';

type Entry = { name: string; score: number; tiebreakAnswer?: number; durationMs: number };
const names = (entries: { entry: Entry }[] | Entry[]) =>
  entries.map((e) => ('entry' in e ? e.entry.name : e.name));

describe('ranking', () => {
  const entries: Entry[] = [
    { name: 'slow-close', score: 80, tiebreakAnswer: 1010, durationMs: 900 },
    { name: 'low', score: 60, tiebreakAnswer: 1000, durationMs: 10 },
    { name: 'no-guess', score: 80, durationMs: 1 },
    { name: 'fast-close', score: 80, tiebreakAnswer: 990, durationMs: 500 },
    { name: 'far', score: 80, tiebreakAnswer: 2000, durationMs: 5 },
    { name: 'top', score: 100, durationMs: 9999 },
  ];

  it('orders by score desc, tiebreak distance asc (missing worst), duration asc', () => {
    expect(names([...entries].sort(rankingComparator(1000)))).toEqual([
      'top',
      'fast-close',
      'slow-close',
      'far',
      'no-guess',
      'low',
    ]);
  });

  it('falls back to duration when the actual value is unknown', () => {
    expect(names([...entries].sort(rankingComparator(undefined)))).toEqual([
      'top',
      'no-guess',
      'far',
      'fast-close',
      'slow-close',
      'low',
    ]);
  });

  it('gives equal entries the same competition rank', () => {
    const tied: Entry[] = [
      { name: 'x', score: 90, tiebreakAnswer: 5, durationMs: 100 },
      { name: 'y', score: 90, tiebreakAnswer: 15, durationMs: 100 },
      { name: 'z', score: 70, durationMs: 1 },
      { name: 'w', score: 95, durationMs: 50 },
    ];
    const ranked = rankEntries(tied, 10);
    expect(ranked.map((r) => [r.entry.name, r.rank])).toEqual([
      ['w', 1],
      ['x', 2],
      ['y', 2],
      ['z', 4],
    ]);
    expect(tied[0]!.name).toBe('x');
  });

  it('measures the tiebreak distance', () => {
    expect(tiebreakDistance(990, 1000)).toBe(10);
    expect(tiebreakDistance(1010, 1000)).toBe(10);
    expect(tiebreakDistance(undefined, 1000)).toBe(Infinity);
    expect(tiebreakDistance(5, undefined)).toBe(Infinity);
  });
});
