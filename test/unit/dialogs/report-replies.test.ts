import {
  failureReply,
  notTakenReply,
  rankingReply,
  reportTexts,
  summaryReply,
  summaryText,
  MAX_SUB_UNIT_ROWS,
} from '../../../dialogs';
import type { ScoreFigures, UnitReport } from '../../../src/reports';

const empty: ScoreFigures = {
  roster: 12,
  participants: 0,
  participationRate: 0,
  attempts: 0,
  meanScore: null,
  medianScore: null,
  passRate: null,
  under50Rate: null,
  meanDurationMs: null,
};

const report = (over: Partial<UnitReport> = {}): UnitReport => ({
  contestId: 'thi-2026',
  contestTitle: 'Thi *2026*',
  passMark: 60,
  unitCode: 'CT-X',
  unitName: 'Phòng_Hành [chính]',
  generatedAt: '2026-11-02T01:00:00.000Z',
  figures: empty,
  scoreCounts: Array.from({ length: 101 }, () => 0),
  topics: [],
  subUnits: [],
  weakestQuestions: [],
  ...over,
});

describe('summary', () => {
  it('with nobody yet: dashes for unknown figures, a note, no NaN, names escaped', () => {
    const text = summaryText(report());
    expect(text).toContain('**Báo cáo kết quả — Phòng\\_Hành \\[chính\\]**');
    expect(text).toContain('- Tham gia: **0/12 người (0%)**');
    expect(text).toContain('- Điểm TB / trung vị: **— / —**');
    expect(text).toContain('- Tỷ lệ đạt (≥ 60 điểm): **—**');
    expect(text).toContain(reportTexts.noParticipants);
    expect(text).not.toMatch(/NaN|undefined|null/);
    expect(text).not.toContain('So với cuộc thi trước');
  });

  it('says when the discrimination of a question cannot be computed, not "—%"', () => {
    const question = { questionId: 'q1', text: 'Câu hỏi một', topicId: 'a', attempts: 1 };
    const text = summaryText(
      report({
        weakestQuestions: [
          { ...question, facility: 0, discrimination: null },
          {
            ...question,
            questionId: 'q2',
            text: 'Câu hỏi hai',
            facility: 25,
            discrimination: 41.2,
          },
        ],
      }),
    );
    expect(text).toContain('1. Câu hỏi một — độ dễ 0%, chưa tính được độ phân biệt (1 lượt)');
    expect(text).toContain('2. Câu hỏi hai — độ dễ 25%, độ phân biệt 41,2% (1 lượt)');
    expect(text).not.toContain('—%');
  });

  it('lists at most 15 sub-units and counts the rest', () => {
    const subUnits = Array.from({ length: 20 }, (_, i) => ({
      unitCode: `U${i}`,
      unitName: `Đơn vị ${i}`,
      ownStaff: false,
      figures: empty,
    }));
    const text = summaryText(report({ subUnits }));
    expect(text).toContain(`- Đơn vị ${MAX_SUB_UNIT_ROWS - 1}:`);
    expect(text).not.toContain(`- Đơn vị ${MAX_SUB_UNIT_ROWS}:`);
    expect(text).toContain(reportTexts.moreSubUnits(5));
  });

  it('is a card on Teams, text on other channels, with the chart link in both', () => {
    const card = summaryReply({
      report: report(),
      chartUrl: 'https://x/files/t',
      channelId: 'msteams',
    });
    expect(JSON.stringify(card.attachments)).toContain('"type":"Image","url":"https://x/files/t"');
    const text = summaryReply({
      report: report(),
      chartUrl: 'https://x/files/t',
      channelId: 'sms',
    });
    expect(text.attachments).toBeUndefined();
    expect(text.text).toContain('[Xem biểu đồ](https://x/files/t)');
  });
});

describe('lists', () => {
  const people = Array.from({ length: 130 }, (_, i) => ({
    userId: `u${i}`,
    fullName: `Người ${i}`,
    unitCode: 'CT-X',
    unitName: 'Phòng X',
  }));

  it('/chuathi shows 50 people, counts the other 80 and hints at the export', () => {
    const text = notTakenReply({
      kind: 'not-taken',
      contestId: 'thi-2026',
      contestTitle: 'Thi 2026',
      unitCode: 'CT-X',
      unitName: 'Phòng X',
      roster: 200,
      people,
    }).text!;
    expect(text).toContain('Phòng X: 130/200 người chưa nộp bài.');
    expect(text).toContain('50. Người 49 — Phòng X');
    expect(text).not.toContain('51. ');
    expect(text).toContain(reportTexts.notTakenMore(80));
    expect(text).toContain('**/xuatexcel CT-X thi-2026**');
  });

  it('/xephang says how many of the total are shown', () => {
    const text = rankingReply({
      kind: 'ranking',
      contestId: 'thi-2026',
      contestTitle: 'Thi 2026',
      unitCode: 'CT-X',
      unitName: 'Phòng X',
      total: 130,
      lines: [
        { ...people[0]!, rank: 1, score: 100, durationMs: 61_000 },
        { ...people[1]!, rank: 1, score: 100, durationMs: 61_000, tiebreak: 1500 },
      ],
    }).text!;
    expect(text).toContain('1. **Người 0** (Phòng X) — 100 điểm — 1 phút 1 giây\n1. **Người 1**');
    expect(text).toContain('— dự đoán 1.500');
    expect(text).toContain(reportTexts.rankingMore(2, 130));
  });
});

describe('failureReply', () => {
  it('words a hidden unit without naming any unit but the one typed', () => {
    expect(
      failureReply({ kind: 'denied', reason: 'unit-not-visible' }, { unitCode: 'CT-Y' }).text,
    ).toBe(reportTexts.unitNotVisible('CT-Y'));
    expect(failureReply({ kind: 'denied', reason: 'unit-not-visible' }).text).toBe(
      reportTexts.unitNotVisible(undefined),
    );
    expect(failureReply({ kind: 'no-contest' }).text).toBe(reportTexts.noContest);
  });
});
