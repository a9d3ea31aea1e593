import fc from 'fast-check';
import { UnitTree } from '../../../src/directory';
import {
  buildUnitReport,
  discriminationIndex,
  medianFromCounts,
  scoreFigures,
  sumStats,
} from '../../../src/reports';
import { makeContest } from '../quiz/fixtures';
import { person, unit, unitStatsOf } from './fixtures';

const scores = fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 200 });

const histogram = (values: readonly number[]): number[] => {
  const c = new Array<number>(101).fill(0);
  for (const v of values) c[v]!++;
  return c;
};

/** Pearson correlation of question 0 with the rest of the test, straight from the definition. */
function pearson(attempts: readonly boolean[][]): number {
  const xs = attempts.map((a) => (a[0] ? 1 : 0));
  const rs = attempts.map((a, i) => a.filter(Boolean).length - xs[i]!);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const mr = mean(rs);
  let cov = 0;
  let vx = 0;
  let vr = 0;
  xs.forEach((x, i) => {
    cov += (x - mx) * (rs[i]! - mr);
    vx += (x - mx) ** 2;
    vr += (rs[i]! - mr) ** 2;
  });
  return cov / Math.sqrt(vx * vr);
}

describe('report maths properties', () => {
  it('the median from the histogram equals the median of the expanded sorted list', () => {
    fc.assert(
      fc.property(scores, (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const n = sorted.length;
        const expected =
          n === 0
            ? null
            : n % 2 === 1
              ? sorted[(n - 1) / 2]!
              : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
        expect(medianFromCounts(histogram(values))).toBe(expected);
      }),
    );
  });

  it('keeps every rate within 0..1', () => {
    fc.assert(
      fc.property(
        fc.array(scores, { maxLength: 5 }),
        fc.nat({ max: 500 }),
        fc.nat({ max: 500 }),
        (units, roster, tookPart) => {
          const stats = units.map((s, i) => unitStatsOf(`U${i}`, s));
          const f = scoreFigures(sumStats(stats), {
            roster,
            rosterParticipants: Math.min(roster, tookPart),
          });
          for (const rate of [f.participationRate, f.passRate, f.under50Rate]) {
            if (rate !== null) {
              expect(rate).toBeGreaterThanOrEqual(0);
              expect(rate).toBeLessThanOrEqual(1);
            }
          }
          if (f.meanScore !== null) {
            expect(f.meanScore).toBeGreaterThanOrEqual(0);
            expect(f.meanScore).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });

  it('sub-unit rows add up to the whole unit', () => {
    const tree = UnitTree.build([
      unit('R', 'Gốc'),
      unit('A', 'A', 'R'),
      unit('A1', 'A1', 'A'),
      unit('A2', 'A2', 'A'),
      unit('B', 'B', 'R'),
      unit('B1', 'B1', 'B'),
      unit('C', 'C', 'R'),
    ]);
    const codes = tree.units().map((u) => u.code);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...codes), scores), { maxLength: 7 }),
        fc.array(fc.constantFrom(...codes), { maxLength: 30 }),
        (perUnit, rosterUnits) => {
          const merged = new Map<string, number[]>();
          for (const [code, s] of perUnit) merged.set(code, [...(merged.get(code) ?? []), ...s]);
          const people = rosterUnits.map((code, i) => person(`p${i}`, `Người ${i}`, code));
          const participantIds = new Set(people.filter((_, i) => i % 2 === 0).map((p) => p.userId));
          const { report } = buildUnitReport({
            current: {
              contest: makeContest(),
              stats: [...merged].map(([code, s]) => unitStatsOf(code, s)),
              participantIds,
            },
            questionStats: [],
            unit: tree.get('R')!,
            tree,
            people,
            topicName: () => undefined,
            questionLookup: () => undefined,
            generatedAt: '2026-11-20T01:00:00.000Z',
          });
          const sum = (key: 'participants' | 'roster' | 'attempts') =>
            report.subUnits.reduce((s, r) => s + r.figures[key], 0);
          expect(sum('participants')).toBe(report.figures.participants);
          expect(sum('roster')).toBe(report.figures.roster);
          expect(sum('attempts')).toBe(report.figures.attempts);
        },
      ),
    );
  });

  it('the discrimination index lies within -100..100 (or is undefined)', () => {
    // Random first attempts on a 6-question test; question 0 is analysed.
    const attempt = fc.array(fc.boolean(), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 60 }), (attempts) => {
        let sumX = 0;
        let sumRest = 0;
        let sumXRest = 0;
        let sumRestSquared = 0;
        for (const answers of attempts) {
          const x = answers[0] ? 1 : 0;
          const rest = answers.filter(Boolean).length - x;
          sumX += x;
          sumRest += rest;
          sumXRest += x * rest;
          sumRestSquared += rest * rest;
        }
        const d = discriminationIndex({
          questionId: 'q',
          n: attempts.length,
          sumX,
          sumRest,
          sumXRest,
          sumRestSquared,
        });
        if (attempts.length < 2) expect(d).toBeNull();
        if (d !== null) {
          expect(d).toBeGreaterThanOrEqual(-100);
          expect(d).toBeLessThanOrEqual(100);
          expect(d).toBeCloseTo(100 * pearson(attempts), 6);
        }
      }),
    );
  });
});
