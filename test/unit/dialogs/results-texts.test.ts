import { isResultsCommand, myResultsReply, renderMyResults } from '../../../dialogs/results-texts';
import type { ResultSummary } from '../../../src/results';

const contest: ResultSummary = {
  attemptId: 'a2',
  contestId: 'thi-2026',
  mode: 'contest',
  submittedAt: '2026-11-02T01:20:00.000Z',
  score: 85,
  correct: 17,
  total: 20,
  passed: true,
};
const practice: ResultSummary = {
  attemptId: 'a1',
  contestId: null,
  mode: 'practice',
  submittedAt: '2026-10-30T23:05:00.000Z',
  score: 40,
  correct: 4,
  total: 10,
  passed: null,
};
const titles = (id: string) => (id === 'thi-2026' ? 'Hội thi năng lực số 2026' : undefined);

describe('/ketqua', () => {
  it('lists results newest first with title, Vietnam date and time, score and verdict', () => {
    const failed = { ...contest, attemptId: 'a3', contestId: 'cu', score: 30, passed: false };
    expect(renderMyResults([contest, failed, practice], titles)).toBe(
      [
        '**Kết quả của anh/chị** (mới nhất trước):',
        [
          '1. **Hội thi năng lực số 2026** — 08:20 ngày 02/11/2026 — **85**/100 (17/20 câu đúng) — ✅ Đạt',
          '2. **Cuộc thi cu** — 08:20 ngày 02/11/2026 — **30**/100 (17/20 câu đúng) — ❌ Chưa đạt',
          '3. **Luyện tập** — 06:05 ngày 31/10/2026 — **40**/100 (4/10 câu đúng)',
        ].join('\n'),
        '_Bài vừa nộp có thể cần vài giây mới hiện trong danh sách này._',
      ].join('\n\n'),
    );
  });

  it('says when there is nothing yet, and how to start', () => {
    const text = renderMyResults([], titles);
    expect(text).toContain('chưa có kết quả nào');
    expect(text).toContain('/luyentap');
    expect(text).toContain('/thi');
  });

  it('says the list is cut at the limit, and replies as Markdown', () => {
    expect(renderMyResults([contest, practice], titles, 2)).toContain(
      'Đang hiện 2 kết quả gần nhất.',
    );
    expect(myResultsReply([contest], titles)).toMatchObject({
      type: 'message',
      textFormat: 'markdown',
      text: expect.stringContaining('Hội thi năng lực số 2026') as string,
    });
  });

  it.each([
    ['/ketqua', true],
    ['/KetQua', true],
    ['/kết quả', true],
    ['  xem kết quả ', true],
    ['xem ket qua!', true],
    ['kết quả của tôi', true],
    ['kết quả thi năm ngoái thế nào?', false],
    ['/thi', false],
    // The command with words after it lists all results; a longer word is not the command.
    ['/ketqua thi-2026', true],
    ['/kết quả abc', true],
    ['/ketquaabc', false],
  ])('recognises %j as the results command: %s', (text, expected) => {
    expect(isResultsCommand(text)).toBe(expected);
  });
});
