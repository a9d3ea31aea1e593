import { MemoryDirectoryRepository } from '../../../src/directory';
import {
  ReportServiceImpl,
  type ReportAsker,
  type ReportService,
  type ReportTarget,
  type ReportWorkbookData,
  type UnitReport,
} from '../../../src/reports';
import { makeContest, MINUTE, T0 } from '../quiz/fixtures';
import { MemoryAuditLog, MemoryContestStats, person, unit, type RawAttempt } from './fixtures';

const DAY = 24 * 60 * MINUTE;
const NOW = T0 + 5 * DAY;

const units = [
  unit('CT', 'UBND thành phố Cần Thơ'),
  unit('CT-SNV', 'Sở Nội vụ', 'CT'),
  unit('CT-SNV-TC', 'Phòng Tổ chức', 'CT-SNV'),
  unit('CT-STT', 'Sở Thông tin và Truyền thông', 'CT'),
  unit('HG', 'UBND tỉnh Hậu Giang'),
];
const people = [
  person('admin', 'Quản Trị Viên', 'CT', 'admin'),
  person('ct1', 'Lê Văn An', 'CT'),
  person('mgr-snv', 'Trần Thị Bình', 'CT-SNV', 'manager'),
  person('off-snv', 'Phạm Văn Cường', 'CT-SNV'),
  person('nv2', 'Đỗ Thị Dung', 'CT-SNV'),
  person('mgr-tc', 'Ngô Văn Em', 'CT-SNV-TC', 'manager'),
  person('tc1', 'Võ Thị Giang', 'CT-SNV-TC'),
  person('tt1', 'Bùi Văn Hải', 'CT-STT'),
  person('mgr-hg', 'Hồ Thị Khánh', 'HG', 'manager'),
  person('hg1', 'Lý Văn Long', 'HG'),
];

const current = makeContest({
  id: 'cds-2026',
  title: 'Đánh giá năng lực CĐS 2026',
  tiebreak: { question: 'Dự đoán số người tham gia?', answer: 500 },
});
const previous = makeContest({
  id: 'cds-2025',
  title: 'Đánh giá năng lực CĐS 2025',
  opensAt: T0 - 365 * DAY,
  closesAt: T0 - 335 * DAY,
});
const later = makeContest({ id: 'cds-2027', opensAt: T0 + 365 * DAY, closesAt: T0 + 395 * DAY });

/** `right` of 5 questions right (topics a, a, a, b, b). */
const answers = (right: number) =>
  Array.from({ length: 5 }, (_, i) => ({
    questionId: `q${i}`,
    topicId: i < 3 ? 'a' : 'b',
    right: i < right,
  }));
let seq = 0;
const attempt = (
  userId: string,
  unitCode: string,
  right: number,
  extra: Partial<RawAttempt> = {},
): RawAttempt => ({
  attemptId: `att-${String(++seq).padStart(3, '0')}`,
  userId,
  contestId: 'cds-2026',
  unitCode,
  startedAt: new Date(T0 + seq * MINUTE).toISOString(),
  durationMs: 5 * MINUTE,
  passed: right >= 3,
  answers: answers(right),
  ...extra,
});

const attempts: RawAttempt[] = [
  attempt('ct1', 'CT', 4, { tiebreak: 480 }),
  attempt('nv2', 'CT-SNV', 2, { tiebreak: 510 }),
  attempt('nv2', 'CT-SNV', 5, { tiebreak: 510 }),
  attempt('tc1', 'CT-SNV-TC', 4, { tiebreak: 505 }),
  attempt('tt1', 'CT-STT', 1),
  attempt('hg1', 'HG', 5),
  attempt('nv2', 'CT-SNV', 1, {
    contestId: 'cds-2025',
    startedAt: new Date(T0 - 350 * DAY).toISOString(),
  }),
];

interface Setup {
  service: ReportService;
  audit: MemoryAuditLog;
  stats: MemoryContestStats;
  workbooks: ReportWorkbookData[];
}

async function setup(now = NOW, contests = [later, current, previous]): Promise<Setup> {
  const directory = new MemoryDirectoryRepository();
  await directory.replaceAll(units, people);
  const audit = new MemoryAuditLog();
  const stats = new MemoryContestStats(attempts, (id) => (id === 'cds-2026' ? 500 : undefined));
  const workbooks: ReportWorkbookData[] = [];
  const service = new ReportServiceImpl({
    stats,
    audit,
    directory,
    contests,
    topicNames: new Map([
      ['a', 'Chuyển đổi số'],
      ['b', 'Chữ ký số'],
    ]),
    questionLookup: (id) => ({ text: `Nội dung câu ${id}`, topicId: 'a' }),
    renderChart: async (report: UnitReport) => Buffer.from(`png:${report.unitCode}`),
    buildWorkbook: async (data) => {
      workbooks.push(data);
      return Buffer.from('xlsx');
    },
    clock: () => now,
  });
  return { service, audit, stats, workbooks };
}

type Action = 'summary' | 'notTaken' | 'exportWorkbook' | 'ranking';
const ACTIONS: Record<Action, string> = {
  summary: 'baocao',
  notTaken: 'chuathi',
  exportWorkbook: 'xuatexcel',
  ranking: 'xephang',
};
const call = (s: ReportService, action: Action, asker: ReportAsker, target: ReportTarget) =>
  s[action](asker, target);

describe('ReportServiceImpl access matrix', () => {
  // [asker, target unit (undefined = default), expected: a unit code when allowed, else reason]
  const cases: [string, string | undefined, string][] = [
    ['nobody', 'CT-SNV', 'not-allowed'],
    ['nobody', undefined, 'not-allowed'],
    ['off-snv', undefined, 'not-allowed'],
    ['off-snv', 'CT-SNV', 'not-allowed'],
    ['off-snv', 'XX', 'not-allowed'],
    ['mgr-snv', undefined, 'CT-SNV'],
    ['mgr-snv', 'CT-SNV', 'CT-SNV'],
    ['mgr-snv', 'CT-SNV-TC', 'CT-SNV-TC'],
    ['mgr-snv', 'ct-snv-tc', 'CT-SNV-TC'],
    ['mgr-snv', 'CT-STT', 'unit-not-visible'],
    ['mgr-snv', 'CT', 'unit-not-visible'],
    ['mgr-snv', 'HG', 'unit-not-visible'],
    ['mgr-snv', 'XX', 'unit-not-visible'],
    ['mgr-tc', 'CT-SNV', 'unit-not-visible'],
    ['mgr-tc', undefined, 'CT-SNV-TC'],
    ['admin', undefined, 'CT'],
    ['admin', 'CT-STT', 'CT-STT'],
    ['admin', 'HG', 'HG'],
    ['admin', 'XX', 'unit-not-visible'],
  ];

  for (const action of Object.keys(ACTIONS) as Action[]) {
    describe(action, () => {
      it.each(cases)('%s asking for %s → %s', async (userId, unitCode, expected) => {
        const { service, audit, stats } = await setup();
        const target = unitCode === undefined ? {} : { unitCode };
        const outcome = await call(service, action, { userId }, target);
        const role = people.find((p) => p.userId === userId)?.role ?? null;
        expect(audit.entries).toHaveLength(1);
        if (expected === 'not-allowed' || expected === 'unit-not-visible') {
          expect(outcome).toEqual({ kind: 'denied', reason: expected });
          expect(audit.entries[0]).toEqual({
            at: new Date(NOW).toISOString(),
            userId,
            role,
            action: ACTIONS[action],
            unitCode: unitCode ?? people.find((p) => p.userId === userId)?.unitCode ?? null,
            contestId: null,
            allowed: false,
            detail: expected,
          });
          // A refused request reads nothing from the reporting store.
          expect(stats.calls).toEqual([]);
        } else {
          if (action === 'summary' || action === 'exportWorkbook') {
            expect(outcome).toMatchObject({
              report: { unitCode: expected, contestId: 'cds-2026' },
            });
          } else {
            expect(outcome).toMatchObject({ unitCode: expected, contestId: 'cds-2026' });
          }
          expect(audit.entries[0]).toEqual({
            at: new Date(NOW).toISOString(),
            userId,
            role,
            action: ACTIONS[action],
            unitCode: expected,
            contestId: 'cds-2026',
            allowed: true,
            detail: action === 'exportWorkbook' ? `bao-cao-${expected}-cds-2026.xlsx` : null,
          });
          // Data is read for the unit's subtree only.
          const scoped = stats.calls.filter((c) => c.unitCodes);
          for (const c of scoped) expect(c.unitCodes![0]).toBe(expected);
        }
      });
    });
  }
});

describe('ReportServiceImpl contests', () => {
  it('refuses an unknown contest after checking access, and audits it', async () => {
    const { service, audit } = await setup();
    expect(await service.summary({ userId: 'mgr-snv' }, { contestId: 'khong-co' })).toEqual({
      kind: 'unknown-contest',
      contestId: 'khong-co',
    });
    // An official learns nothing about contests either.
    expect(await service.summary({ userId: 'off-snv' }, { contestId: 'khong-co' })).toEqual({
      kind: 'denied',
      reason: 'not-allowed',
    });
    expect(audit.entries.map((e) => [e.userId, e.contestId, e.allowed, e.detail])).toEqual([
      ['mgr-snv', 'khong-co', false, 'unknown-contest'],
      ['off-snv', 'khong-co', false, 'not-allowed'],
    ]);
  });

  it('says there is no contest before the first one opens', async () => {
    const { service, audit } = await setup(T0 - 400 * DAY);
    expect(await service.ranking({ userId: 'admin' }, {})).toEqual({ kind: 'no-contest' });
    expect(audit.entries[0]).toMatchObject({
      allowed: false,
      detail: 'no-contest',
      unitCode: 'CT',
    });
  });

  it('reports on a named earlier contest', async () => {
    const { service } = await setup();
    const outcome = await service.summary({ userId: 'mgr-snv' }, { contestId: 'cds-2025' });
    expect(outcome).toMatchObject({
      kind: 'summary',
      report: { contestId: 'cds-2025', figures: { participants: 1, meanScore: 20 } },
    });
  });
});

describe('ReportServiceImpl and a contest for part of the directory', () => {
  // Opened after `current`, for the officials of Sở Nội vụ and its divisions only.
  const snvOnly = makeContest({
    id: 'snv-2026',
    title: 'Thi riêng Sở Nội vụ',
    opensAt: T0 + DAY,
    closesAt: T0 + 10 * DAY,
    audience: { units: ['CT-SNV'], roles: ['official'] },
  });
  const withSnv = () => setup(NOW, [later, current, previous, snvOnly]);

  it('reports by default on the latest contest meant for someone of the unit', async () => {
    const { service } = await withSnv();
    const other = await service.summary({ userId: 'mgr-hg' }, {});
    expect(other).toMatchObject({ kind: 'summary', report: { contestId: 'cds-2026' } });
    const sibling = await service.summary({ userId: 'admin' }, { unitCode: 'CT-STT' });
    expect(sibling).toMatchObject({ kind: 'summary', report: { contestId: 'cds-2026' } });
    // The unit itself, a unit above it (the city) and one below it all reach the contest.
    for (const [userId, unitCode] of [
      ['mgr-snv', undefined],
      ['admin', 'CT'],
      ['mgr-tc', undefined],
    ] as const) {
      const outcome = await service.summary({ userId }, unitCode ? { unitCode } : {});
      expect(outcome).toMatchObject({ kind: 'summary', report: { contestId: 'snv-2026' } });
    }
  });

  it('counts and lists only the people who may sit the contest', async () => {
    const { service } = await withSnv();
    const target = { contestId: 'snv-2026' };
    // Of the city's 8 people: the officials of CT-SNV and CT-SNV-TC; not its managers, not CT.
    const notTaken = await service.notTaken({ userId: 'admin' }, target);
    expect(notTaken).toMatchObject({ kind: 'not-taken', roster: 3 });
    if (notTaken.kind !== 'not-taken') throw new Error(notTaken.kind);
    expect(notTaken.people.map((p) => [p.unitCode, p.fullName])).toEqual([
      ['CT-SNV', 'Đỗ Thị Dung'],
      ['CT-SNV', 'Phạm Văn Cường'],
      ['CT-SNV-TC', 'Võ Thị Giang'],
    ]);
    const summary = await service.summary({ userId: 'admin' }, target);
    if (summary.kind !== 'summary') throw new Error(summary.kind);
    expect(summary.report.figures).toMatchObject({ roster: 3, participants: 0 });
    // A contest for everyone still counts everyone.
    const all = await service.notTaken({ userId: 'admin' }, { contestId: 'cds-2026' });
    expect(all).toMatchObject({ kind: 'not-taken', roster: 8 });
  });
});

describe('ReportServiceImpl content', () => {
  it('summarises the manager subtree from first attempts, with chart and comparison', async () => {
    const { service } = await setup();
    const outcome = await service.summary({ userId: 'mgr-snv' }, {});
    if (outcome.kind !== 'summary') throw new Error(outcome.kind);
    const { report } = outcome;
    expect(outcome.chartPng.toString()).toBe('png:CT-SNV');
    // nv2's first attempt scored 40 (the later 100 does not count), tc1 80.
    expect(report.figures).toMatchObject({
      roster: 5,
      participants: 2,
      participationRate: 0.4,
      attempts: 3,
      meanScore: 60,
      medianScore: 60,
      passRate: 0.5,
      under50Rate: 0.5,
    });
    expect(report.subUnits.map((r) => [r.unitCode, r.ownStaff, r.figures.meanScore])).toEqual([
      ['CT-SNV', true, 40],
      ['CT-SNV-TC', false, 80],
    ]);
    expect(report.comparison).toMatchObject({
      contestId: 'cds-2025',
      meanScoreDelta: 40,
      participationRateDelta: 0.2,
    });
    // nv2 (first attempt) answered q0, q1 right; tc1 q0..q3.
    expect(report.weakestQuestions.map((q) => [q.questionId, q.facility])).toEqual([
      ['q4', 0],
      ['q2', 50],
      ['q3', 50],
      ['q0', 100],
      ['q1', 100],
    ]);
    expect(report.weakestQuestions[0]!.text).toBe('Nội dung câu q4');
    expect(report.topics.map((t) => [t.topicName, t.meanScore])).toEqual([
      ['Chữ ký số', 25],
      ['Chuyển đổi số', (100 * 5) / 6],
    ]);
  });

  it('lists who has not taken part, by unit then name', async () => {
    const { service } = await setup();
    const outcome = await service.notTaken({ userId: 'admin' }, {});
    expect(outcome).toMatchObject({ kind: 'not-taken', unitCode: 'CT', roster: 8 });
    if (outcome.kind !== 'not-taken') throw new Error(outcome.kind);
    expect(outcome.people.map((p) => [p.unitCode, p.fullName])).toEqual([
      ['CT', 'Quản Trị Viên'],
      ['CT-SNV', 'Phạm Văn Cường'],
      ['CT-SNV', 'Trần Thị Bình'],
      ['CT-SNV-TC', 'Ngô Văn Em'],
    ]);
  });

  it('ranks best attempts, with the tiebreak distance once the answer is known', async () => {
    const { service } = await setup();
    const outcome = await service.ranking({ userId: 'admin' }, { limit: 3 });
    if (outcome.kind !== 'ranking') throw new Error(outcome.kind);
    expect(outcome.total).toBe(4);
    expect(outcome.lines).toEqual([
      {
        rank: 1,
        userId: 'nv2',
        fullName: 'Đỗ Thị Dung',
        unitCode: 'CT-SNV',
        unitName: 'Sở Nội vụ',
        score: 100,
        durationMs: 5 * MINUTE,
        tiebreak: 510,
        tiebreakDistance: 10,
      },
      expect.objectContaining({ rank: 2, userId: 'tc1', tiebreakDistance: 5 }),
      expect.objectContaining({ rank: 3, userId: 'ct1', tiebreakDistance: 20 }),
    ]);
  });

  it('shows a manager only his subtree in the ranking', async () => {
    const { service } = await setup();
    const outcome = await service.ranking({ userId: 'mgr-snv' }, {});
    if (outcome.kind !== 'ranking') throw new Error(outcome.kind);
    expect(outcome.lines.map((l) => l.userId)).toEqual(['nv2', 'tc1']);
  });

  it('hands the workbook builder every participant and question, and names the file in ASCII', async () => {
    const { service, workbooks } = await setup();
    const outcome = await service.exportWorkbook({ userId: 'admin' }, { unitCode: 'CT-SNV' });
    expect(outcome).toMatchObject({ kind: 'export', fileName: 'bao-cao-CT-SNV-cds-2026.xlsx' });
    expect(workbooks).toHaveLength(1);
    const data = workbooks[0]!;
    expect(data.participants.map((p) => p.userId).sort()).toEqual(['nv2', 'tc1']);
    expect(data.questions).toHaveLength(5);
    expect(data.names.person('nv2')?.fullName).toBe('Đỗ Thị Dung');
    expect(data.topicName('b')).toBe('Chữ ký số');
  });
});

describe('ReportServiceImpl audit', () => {
  it('writes one record per call and hands out nothing when the audit log fails', async () => {
    const { service, audit } = await setup();
    audit.failNext = true;
    await expect(service.summary({ userId: 'admin' }, {})).rejects.toThrow('audit log unavailable');
    audit.failNext = true;
    await expect(service.summary({ userId: 'off-snv' }, {})).rejects.toThrow(
      'audit log unavailable',
    );
    await service.summary({ userId: 'admin' }, {});
    await service.notTaken({ userId: 'mgr-snv' }, { unitCode: 'HG' });
    expect(audit.entries.map((e) => [e.action, e.userId, e.allowed])).toEqual([
      ['baocao', 'admin', true],
      ['chuathi', 'mgr-snv', false],
    ]);
  });

  it('records a failure of the report itself before it propagates', async () => {
    const directory = new MemoryDirectoryRepository();
    await directory.replaceAll(units, people);
    const audit = new MemoryAuditLog();
    const service = new ReportServiceImpl({
      stats: new MemoryContestStats(attempts),
      audit,
      directory,
      contests: [current],
      topicNames: new Map(),
      questionLookup: () => undefined,
      renderChart: async () => {
        throw new TypeError('no font');
      },
      buildWorkbook: async () => Buffer.alloc(0),
      clock: () => NOW,
    });
    await expect(service.summary({ userId: 'admin' }, {})).rejects.toThrow('no font');
    expect(audit.entries).toEqual([
      expect.objectContaining({ allowed: true, detail: 'failed: TypeError', unitCode: 'CT' }),
    ]);
  });
});
