import ExcelJS from 'exceljs';
import { reportWorkbookTexts } from '../../../dialogs/report-texts';
import {
  buildReportWorkbook,
  type ParticipantAttempt,
  type ParticipantRow,
  type QuestionFigure,
  type ReportWorkbookInput,
  type ScoreFigures,
  type UnitReport,
} from '../../../src/reports';

const figures: ScoreFigures = {
  roster: 120,
  participants: 90,
  participationRate: 0.75,
  attempts: 101,
  meanScore: 63.25,
  medianScore: 65,
  passRate: 0.8,
  under50Rate: 0.1,
  meanDurationMs: 750_000,
};

const report: UnitReport = {
  contestId: 'cds-2026',
  contestTitle: 'Đánh giá năng lực ứng dụng CNTT, CĐS năm 2026',
  passMark: 50,
  unitCode: 'CT-SNV',
  unitName: 'Sở Nội vụ',
  generatedAt: '2026-11-20T01:00:00.000Z',
  figures,
  scoreCounts: new Array<number>(101).fill(0),
  topics: [{ topicId: 'chu-ky-so', topicName: 'Chữ ký số', meanScore: 55.5, asked: 200 }],
  subUnits: [
    { unitCode: 'CT-SNV-TC', unitName: 'Phòng Tổ chức', ownStaff: false, figures },
    {
      unitCode: 'CT-SNV',
      unitName: 'Sở Nội vụ',
      ownStaff: true,
      figures: { ...figures, meanScore: 70 },
    },
  ],
  weakestQuestions: [],
  comparison: {
    contestId: 'cds-2025',
    contestTitle: 'Đánh giá năng lực CĐS năm 2025',
    previous: figures,
    meanScoreDelta: 4.5,
    passRateDelta: -0.05,
    participationRateDelta: 0.1,
  },
};

const questions: QuestionFigure[] = [
  {
    questionId: 'cks-1',
    text: 'Chữ ký số là gì?',
    topicId: 'chu-ky-so',
    attempts: 90,
    facility: 42.2,
    discrimination: 31.5,
  },
  {
    questionId: 'cks-2',
    text: 'Ai cấp chứng thư số?',
    topicId: 'chu-ky-so',
    attempts: 1,
    facility: 100,
    discrimination: null,
  },
];

const attempt = (
  score: number,
  submittedAt: string,
  passed: boolean | null,
): ParticipantAttempt => ({
  attemptId: `a-${score}-${submittedAt}`,
  startedAt: new Date(Date.parse(submittedAt) - 12 * 60_000).toISOString(),
  submittedAt,
  durationMs: 12 * 60_000,
  score,
  correct: score / 5,
  total: 20,
  passed,
  byTopic: {},
});

function participant(i: number, unitCode = 'CT-SNV-TC'): ParticipantRow {
  return {
    userId: `u${i}`,
    unitCode,
    attempts: 2,
    first: attempt(45, '2026-11-02T01:30:00.000Z', false),
    best: attempt(80, '2026-11-03T16:59:00.000Z', true),
  };
}

const input = (participants: ParticipantRow[]): ReportWorkbookInput => ({
  report,
  questions,
  participants,
  names: {
    person: (id) => ({ fullName: id === 'u1' ? 'Nguyễn Thị Ánh' : `Trần Văn ${id}` }),
    unit: (code) => ({ 'CT-SNV-TC': 'Phòng Tổ chức', 'CT-SNV': 'Sở Nội vụ' })[code],
  },
  topicName: (id) => (id === 'chu-ky-so' ? 'Chữ ký số' : undefined),
  texts: reportWorkbookTexts,
});

async function read(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

describe('buildReportWorkbook', () => {
  it('writes the five sheets with Vietnamese headers, values and formats', async () => {
    const xlsx = await buildReportWorkbook(input([participant(1), participant(2, 'CT-SNV')]));
    const wb = await read(xlsx);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Theo đơn vị',
      'Theo chủ đề',
      'Thí sinh',
      'Câu hỏi',
    ]);

    const summary = wb.getWorksheet('Tổng hợp')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Cuộc thi')).toBe(report.contestTitle);
    expect(values.get('Điểm trung bình')).toBe(63.25);
    expect(values.get('Tỷ lệ đạt')).toBe(0.8);
    expect(values.get('Chênh lệch tỷ lệ đạt')).toBe(-0.05);
    // 01:00 UTC is 08:00 in Vietnam.
    expect(values.get('Thời điểm lập báo cáo')).toEqual(new Date('2026-11-20T08:00:00.000Z'));

    const units = wb.getWorksheet('Theo đơn vị')!;
    expect(units.getRow(1).getCell(2).value).toBe('Tên đơn vị');
    expect(units.getRow(3).getCell(2).value).toBe('Sở Nội vụ (cán bộ trực thuộc)');
    expect(units.getRow(2).getCell(5).numFmt).toBe('0.0%');
    expect(units.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const candidates = wb.getWorksheet('Thí sinh')!;
    expect(candidates.getRow(1).values).toEqual([
      undefined,
      'Họ và tên',
      'Mã người dùng',
      'Mã đơn vị',
      'Đơn vị',
      'Số lượt thi',
      'Điểm lần đầu',
      'Điểm cao nhất',
      'Đạt',
      'Thời gian làm bài (phút)',
      'Nộp bài lúc (giờ Việt Nam)',
    ]);
    // Sorted by unit code, then name.
    const first = candidates.getRow(2);
    expect(first.getCell(1).value).toBe('Trần Văn u2');
    const second = candidates.getRow(3);
    expect(second.getCell(1).value).toBe('Nguyễn Thị Ánh');
    expect(second.getCell(4).value).toBe('Phòng Tổ chức');
    expect(second.getCell(6).value).toBe(45);
    expect(second.getCell(7).value).toBe(80);
    expect(second.getCell(8).value).toBe('Chưa đạt');
    expect(second.getCell(9).value).toBe(12);
    // 01:30 UTC → 08:30 Vietnam time.
    expect(second.getCell(10).value).toEqual(new Date('2026-11-02T08:30:00.000Z'));
    expect(second.getCell(10).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    expect(candidates.getColumn(1).width).toBe(28);

    const q = wb.getWorksheet('Câu hỏi')!;
    expect(q.getRow(2).values).toEqual([
      undefined,
      'cks-1',
      'Chữ ký số là gì?',
      'Chữ ký số',
      90,
      42.2,
      31.5,
    ]);
    expect(q.getRow(3).getCell(6).value).toBeNull();
    expect(wb.getWorksheet('Theo chủ đề')!.getRow(2).getCell(2).value).toBe('Chữ ký số');
  });

  it('writes every one of 30,000 candidates (its time is measured by npm run bench:reports)', async () => {
    const many = Array.from({ length: 30_000 }, (_, i) => participant(i, `U${i % 300}`));
    const wb = await read(await buildReportWorkbook(input(many)));
    const sheet = wb.getWorksheet('Thí sinh')!;
    expect(sheet.rowCount).toBe(30_001);
    expect(sheet.getRow(30_001).getCell(1).value).toBeTruthy();
  });
});
