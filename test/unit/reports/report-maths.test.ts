import { UnitTree } from '../../../src/directory';
import {
  buildUnitReport,
  defaultContest,
  discriminationIndex,
  facilityIndex,
  medianFromCounts,
  previousContest,
  questionFigures,
  scoreFigures,
  sumStats,
  weakestQuestions,
  type QuestionStats,
} from '../../../src/reports';
import { makeContest, T0 } from '../quiz/fixtures';
import { person, unit, unitStatsOf } from './fixtures';

const counts = (scores: number[]): number[] => {
  const c = new Array<number>(101).fill(0);
  for (const s of scores) c[s]!++;
  return c;
};

describe('median and headline figures', () => {
  it('takes the middle score, or the mean of the two middle scores', () => {
    expect(medianFromCounts(counts([]))).toBeNull();
    expect(medianFromCounts(counts([70]))).toBe(70);
    expect(medianFromCounts(counts([40, 90, 60]))).toBe(60);
    expect(medianFromCounts(counts([40, 90, 60, 70]))).toBe(65);
    expect(medianFromCounts(counts([0, 100]))).toBe(50);
    expect(medianFromCounts(counts([80, 80, 80, 81]))).toBe(80);
  });

  it('computes mean, pass rate, share under 50, duration and participation', () => {
    // Scores 30, 49, 50, 90 → mean 54.75, median 49.5; 2 passed of 4; 2 under 50.
    const totals = sumStats([
      unitStatsOf('A', [30, 50], { passed: 1, durationMsSum: 1_200_000, attempts: 3 }),
      unitStatsOf('B', [49, 90], { passed: 1, durationMsSum: 600_000 }),
    ]);
    // Roster of 5, of whom 3 took part (one participant is attributed elsewhere: not in roster).
    const f = scoreFigures(totals, { roster: 5, rosterParticipants: 3 });
    expect(f).toEqual({
      roster: 5,
      participants: 4,
      participationRate: 0.6,
      attempts: 5,
      meanScore: 54.75,
      medianScore: 49.5,
      passRate: 0.5,
      under50Rate: 0.5,
      meanDurationMs: 450_000,
    });
  });

  it('gives null rates when there is nothing to divide', () => {
    const f = scoreFigures(sumStats([]), { roster: 0, rosterParticipants: 0 });
    expect(f).toEqual({
      roster: 0,
      participants: 0,
      participationRate: null,
      attempts: 0,
      meanScore: null,
      medianScore: null,
      passRate: null,
      under50Rate: null,
      meanDurationMs: null,
    });
  });
});

describe('item analysis (Moodle facility and discrimination)', () => {
  // Four first attempts: x = 1,1,0,0 and rest = 3,2,2,1.
  // Means: x̄ = 0.5, rest̄ = 2. cov = ((0.5)(1) + (0.5)(0) + (-0.5)(0) + (-0.5)(-1)) / 4 = 0.25.
  // var x = 0.25, var rest = (1 + 0 + 0 + 1) / 4 = 0.5 → r = 0.25 / √(0.125) = 0.7071.
  const q: QuestionStats = {
    questionId: 'q1',
    n: 4,
    sumX: 2,
    sumRest: 8,
    sumXRest: 5,
    sumRestSquared: 18,
  };

  it('matches a hand-computed Pearson correlation, ×100', () => {
    expect(facilityIndex(q)).toBe(50);
    expect(discriminationIndex(q)).toBeCloseTo(70.7107, 3);
  });

  it('is negative when the strong candidates get the question wrong', () => {
    // x = 0,0,1,1 with rest = 3,2,2,1: the mirror image.
    const mirrored = { ...q, sumXRest: 3 };
    expect(discriminationIndex(mirrored)).toBeCloseTo(-70.7107, 3);
  });

  it('is undefined for fewer than 2 attempts or no variance', () => {
    expect(
      discriminationIndex({ ...q, n: 1, sumX: 1, sumRest: 3, sumXRest: 3, sumRestSquared: 9 }),
    ).toBeNull();
    // Everybody right.
    expect(discriminationIndex({ ...q, sumX: 4, sumXRest: 8 })).toBeNull();
    // Rest identical for everybody (2, 2, 2, 2).
    expect(discriminationIndex({ ...q, sumRest: 8, sumXRest: 4, sumRestSquared: 16 })).toBeNull();
  });

  it('lists the weakest questions by facility, with text and topic from the lookup', () => {
    const stats: QuestionStats[] = [
      { ...q, questionId: 'easy', sumX: 4, sumXRest: 8 },
      { ...q, questionId: 'hard', sumX: 1, sumXRest: 3 },
      { ...q, questionId: 'mid' },
      { ...q, questionId: 'unasked', n: 0, sumX: 0, sumRest: 0, sumXRest: 0, sumRestSquared: 0 },
    ];
    const figures = questionFigures(stats, (id) =>
      id === 'hard' ? { text: 'Chữ ký số   là gì?', topicId: 'chu-ky-so' } : undefined,
    );
    expect(figures.map((f) => f.questionId)).toEqual(['easy', 'hard', 'mid']);
    const weakest = weakestQuestions(figures, 2);
    expect(weakest).toEqual([
      {
        questionId: 'hard',
        text: 'Chữ ký số là gì?',
        topicId: 'chu-ky-so',
        attempts: 4,
        facility: 25,
        discrimination: expect.any(Number),
      },
      expect.objectContaining({ questionId: 'mid', text: 'mid', topicId: '', facility: 50 }),
    ]);
  });
});

describe('contest choice', () => {
  const DAY = 24 * 3_600_000;
  const a = makeContest({ id: 'a-2025', opensAt: T0 - 400 * DAY, closesAt: T0 - 370 * DAY });
  const b = makeContest({ id: 'b-2025', opensAt: T0 - 200 * DAY, closesAt: T0 - 170 * DAY });
  const other = makeContest({
    id: 'so-nv-2026',
    opensAt: T0 - 100 * DAY,
    closesAt: T0 - 90 * DAY,
    audience: { units: ['CT-SNV'], roles: [] },
  });
  const c = makeContest({ id: 'c-2026', opensAt: T0, closesAt: T0 + 30 * DAY });
  const future = makeContest({ id: 'd-2027', opensAt: T0 + 365 * DAY, closesAt: T0 + 395 * DAY });
  const all = [future, c, other, b, a];

  it('defaults to the contest opened most recently, open or closed', () => {
    expect(defaultContest(all, T0 - 1)?.id).toBe('so-nv-2026');
    expect(defaultContest(all, T0)?.id).toBe('c-2026');
    expect(defaultContest(all, T0 + 100 * DAY)?.id).toBe('c-2026');
    expect(defaultContest(all, T0 - 500 * DAY)).toBeUndefined();
  });

  it('compares with the last contest for the same audience closed before this one opened', () => {
    expect(previousContest(all, c)?.id).toBe('b-2025');
    expect(previousContest(all, b)?.id).toBe('a-2025');
    expect(previousContest(all, a)).toBeUndefined();
    expect(previousContest(all, other)).toBeUndefined();
    // Same audience written in another order is the same audience.
    const x = makeContest({
      id: 'x',
      audience: { units: ['B', 'A'], roles: ['manager', 'official'] },
    });
    const y = makeContest({
      id: 'y',
      opensAt: T0 + 60 * DAY,
      closesAt: T0 + 90 * DAY,
      audience: { units: ['A', 'B'], roles: ['official', 'manager'] },
    });
    expect(previousContest([x, y], y)?.id).toBe('x');
    // A contest still open when this one opened does not count.
    const overlapping = makeContest({ id: 'o', opensAt: T0 + 10 * DAY, closesAt: T0 + 40 * DAY });
    expect(previousContest([c, overlapping], overlapping)).toBeUndefined();
  });
});

describe('buildUnitReport', () => {
  const tree = UnitTree.build([
    unit('CT', 'UBND thành phố Cần Thơ'),
    unit('SNV', 'Sở Nội vụ', 'CT'),
    unit('SNV-TC', 'Phòng Tổ chức', 'SNV'),
    unit('STT', 'Sở Thông tin và Truyền thông', 'CT'),
    unit('SYT', 'Sở Y tế', 'CT'),
  ]);
  const people = [
    person('ct1', 'Lê Văn A', 'CT'),
    person('nv1', 'Trần Thị B', 'SNV'),
    person('nv2', 'Phạm Văn C', 'SNV'),
    person('tc1', 'Ngô Thị D', 'SNV-TC'),
    person('tt1', 'Đỗ Văn E', 'STT'),
    person('tt2', 'Võ Thị G', 'STT'),
    person('yt1', 'Bùi Văn H', 'SYT'),
  ];
  const contest = makeContest({ id: 'c', questionsPerTopic: { a: 3, b: 2, c: 1 } });

  const built = buildUnitReport({
    current: {
      contest,
      stats: [
        unitStatsOf('CT', [80], { topics: { a: { correct: 3, total: 3 } } }),
        unitStatsOf('SNV', [40], {
          topics: { a: { correct: 1, total: 3 }, b: { correct: 1, total: 2 } },
        }),
        unitStatsOf('SNV-TC', [70], { topics: { a: { correct: 2, total: 3 } } }),
        unitStatsOf('STT', [90, 60], { attempts: 3 }),
        // Somebody who moved to another province since: attributed here, not in the roster.
        unitStatsOf('ELSEWHERE', [10]),
      ],
      participantIds: new Set(['ct1', 'nv1', 'tc1', 'tt1', 'tt2', 'moved']),
    },
    questionStats: [],
    unit: tree.get('CT')!,
    tree,
    people,
    topicName: (id) => ({ a: 'Chuyển đổi số', b: 'Chữ ký số' })[id],
    questionLookup: () => undefined,
    generatedAt: '2026-11-20T01:00:00.000Z',
  });
  const { report } = built;

  it('sums the whole subtree (and nothing outside it)', () => {
    // Scores 80, 40, 70, 90, 60: mean 68, median 70; 4 of 5 passed; 1 under 50.
    expect(report.figures).toEqual({
      roster: 7,
      participants: 5,
      participationRate: 5 / 7,
      attempts: 6,
      meanScore: 68,
      medianScore: 70,
      passRate: 0.8,
      under50Rate: 0.2,
      meanDurationMs: 600_000,
    });
    expect(report.scoreCounts.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('has one row per direct sub-unit and one for the own staff, weakest first', () => {
    expect(
      report.subUnits.map((r) => [r.unitCode, r.ownStaff, r.figures.meanScore, r.figures.roster]),
    ).toEqual([
      ['SNV', false, 55, 3],
      ['STT', false, 75, 2],
      ['CT', true, 80, 1],
      ['SYT', false, null, 1],
    ]);
    const snv = report.subUnits[0]!.figures;
    expect(snv.participationRate).toBeCloseTo(2 / 3);
    expect(snv.participants).toBe(2);
  });

  it('gives per-topic means over the subtree, weakest first, unasked topics last', () => {
    expect(report.topics).toEqual([
      { topicId: 'b', topicName: 'Chữ ký số', meanScore: 50, asked: 2 },
      { topicId: 'a', topicName: 'Chuyển đổi số', meanScore: (100 * 6) / 9, asked: 9 },
      { topicId: 'c', topicName: 'c', meanScore: null, asked: 0 },
    ]);
  });

  it('compares with the previous contest over the same scope and roster', () => {
    const previous = makeContest({ id: 'p', title: 'Cuộc thi năm trước' });
    const withPrevious = buildUnitReport({
      current: {
        contest,
        stats: [unitStatsOf('SNV', [60, 80])],
        participantIds: new Set(['nv1', 'nv2']),
      },
      previous: {
        contest: previous,
        stats: [unitStatsOf('SNV', [50]), unitStatsOf('STT', [100])],
        participantIds: new Set(['nv1', 'tt1']),
      },
      questionStats: [],
      unit: tree.get('SNV')!,
      tree,
      people,
      topicName: () => undefined,
      questionLookup: () => undefined,
      generatedAt: '2026-11-20T01:00:00.000Z',
    }).report;
    expect(withPrevious.comparison).toMatchObject({
      contestId: 'p',
      contestTitle: 'Cuộc thi năm trước',
      previous: { roster: 3, participants: 1, meanScore: 50, passRate: 1 },
      meanScoreDelta: 20,
      passRateDelta: 0,
      participationRateDelta: 2 / 3 - 1 / 3,
    });
    expect(withPrevious.subUnits.map((r) => [r.unitCode, r.ownStaff])).toEqual([
      ['SNV', true],
      ['SNV-TC', false],
    ]);
  });

  it('leaves out the own-staff row when nobody is attached to the unit itself', () => {
    const r = buildUnitReport({
      current: { contest, stats: [], participantIds: new Set() },
      questionStats: [],
      unit: tree.get('CT')!,
      tree,
      people: people.filter((p) => p.unitCode !== 'CT'),
      topicName: () => undefined,
      questionLookup: () => undefined,
      generatedAt: '2026-11-20T01:00:00.000Z',
    }).report;
    expect(r.subUnits.map((x) => x.unitCode)).toEqual(['SNV', 'STT', 'SYT']);
    expect(r.comparison).toBeUndefined();
  });
});
