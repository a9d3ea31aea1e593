import { reportChartTexts } from '../../../dialogs/report-texts';
import {
  ReportChartRenderer,
  reportChartSpec,
  scoreBands,
  type ScoreFigures,
  type UnitReport,
} from '../../../src/reports';

const figures = (meanScore: number | null): ScoreFigures => ({
  roster: 10,
  participants: meanScore === null ? 0 : 8,
  participationRate: 0.8,
  attempts: 9,
  meanScore,
  medianScore: meanScore,
  passRate: 0.5,
  under50Rate: 0.25,
  meanDurationMs: 600_000,
});

const counts = new Array<number>(101).fill(0);
[12, 45, 49, 50, 55, 61, 68, 68, 74, 88, 90, 100].forEach((s) => counts[s]!++);

const report: UnitReport = {
  contestId: 'danh-gia-nang-luc-cds-2026',
  contestTitle: 'Đánh giá năng lực ứng dụng CNTT, CĐS năm 2026',
  passMark: 50,
  unitCode: 'CT',
  unitName: 'UBND thành phố Cần Thơ',
  generatedAt: '2026-11-20T01:00:00.000Z',
  figures: figures(63.3),
  scoreCounts: counts,
  topics: [],
  subUnits: [
    {
      unitCode: 'CT-STT',
      unitName: 'Sở Thông tin và Truyền thông',
      ownStaff: false,
      figures: figures(41.5),
    },
    { unitCode: 'CT', unitName: 'UBND thành phố Cần Thơ', ownStaff: true, figures: figures(66) },
    { unitCode: 'CT-NK', unitName: 'UBND quận Ninh Kiều', ownStaff: false, figures: figures(72.4) },
    { unitCode: 'CT-X', unitName: 'Phường Xuân Khánh', ownStaff: false, figures: figures(null) },
  ],
  weakestQuestions: [],
};

/** Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('report chart', () => {
  const renderer = new ReportChartRenderer({ texts: reportChartTexts, scale: 2 });
  afterAll(() => renderer.close());

  it('bins scores in 10-point bands, the last holding 100', () => {
    const bands = scoreBands(counts);
    expect(bands.map((b) => b.band)).toEqual([
      '0–9',
      '10–19',
      '20–29',
      '30–39',
      '40–49',
      '50–59',
      '60–69',
      '70–79',
      '80–89',
      '90–100',
    ]);
    expect(bands.map((b) => b.people)).toEqual([0, 1, 0, 0, 2, 2, 3, 1, 1, 2]);
  });

  it('leaves units without participants out of the bars', () => {
    const spec = JSON.stringify(reportChartSpec(report, reportChartTexts));
    expect(spec).toContain('Sở Thông tin và Truyền thông');
    expect(spec).toContain('UBND thành phố Cần Thơ (cán bộ trực thuộc)');
    expect(spec).not.toContain('Phường Xuân Khánh');
  });

  it('renders a PNG with Vietnamese labels in DejaVu Sans', async () => {
    const { png, svg } = await renderer.renderChart(report);
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const { width, height } = pngSize(png);
    // Drawn at twice the SVG's size.
    const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    const svgHeight = Number(/<svg[^>]* height="(\d+)"/.exec(svg)![1]);
    expect(width).toBe(2 * svgWidth);
    expect(height).toBe(2 * svgHeight);
    expect(width).toBeGreaterThan(800);
    for (const label of [
      'Phân bố điểm (lần thi đầu)',
      'Điểm trung bình theo đơn vị (yếu nhất trước)',
      'Khoảng điểm',
      'Số người',
      'Sở Thông tin và Truyền thông',
      'Điểm đạt: 50',
      '90–100',
    ]) {
      expect(svg).toContain(label);
    }
    // Mean scores next to the bars with a decimal comma, as Vietnamese readers write them.
    for (const mean of ['41,5', '66,0', '72,4']) expect(svg).toContain(`>${mean}</text>`);
    expect(svg).not.toMatch(/>\d+\.\d<\/text>/);
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg).not.toMatch(/font-family="(?!DejaVu Sans")/);
  });

  it('renders several charts at once on the one worker', async () => {
    const pngs = await Promise.all(
      [report, { ...report, subUnits: [] }, { ...report, unitName: 'Sở Nội vụ' }].map((r) =>
        renderer.render(r),
      ),
    );
    for (const png of pngs) expect(png.readUInt32BE(0)).toBe(0x89504e47);
    // Without sub-units the chart says so instead of drawing empty bars.
    const { svg } = await renderer.renderChart({ ...report, subUnits: [] });
    expect(svg).toContain('Chưa có đơn vị trực thuộc nào có người dự thi.');
  });

  it('draws whole-number people ticks when nobody has taken part yet', async () => {
    const empty = { ...report, scoreCounts: new Array<number>(101).fill(0), subUnits: [] };
    const { svg } = await renderer.renderChart(empty);
    expect(svg).not.toContain('0.000000');
    expect(svg).toMatch(/>1<\/text>/);
  });

  it('refuses to draw without its font files rather than drop the words', async () => {
    const broken = new ReportChartRenderer({
      texts: reportChartTexts,
      fontFiles: ['/nonexistent/DejaVuSans.ttf'],
    });
    await expect(broken.render(report)).rejects.toThrow(/font file\(s\) not found/);
    await broken.close();
  });
});
