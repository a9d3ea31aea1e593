import {
  ADAPTIVE_CARD_VERSION,
  contestConfirmReply,
  contestExpiredReply,
  contestListReply,
  practiceFeedbackText,
  questionReply,
  quizPayloadSchema,
  quizTexts,
  resultText,
  tiebreakReply,
  type DescribeSource,
} from '../../../dialogs';
import type {
  Attempt,
  ContestListing,
  FinishedAttempt,
  PresentedQuestion,
} from '../../../src/quiz';
import { fakeContest } from '../../helpers/fake-quiz-service';

const question = (options: string[], index = 2, total = 10): PresentedQuestion => ({
  index,
  total,
  questionId: 'attt-003',
  topic: 'an-toan-thong-tin',
  difficulty: 1,
  text: 'Mật khẩu nào *an toàn* nhất?',
  options,
  correctChoice: 1,
  explanation: 'Mật khẩu dài, có chữ hoa, chữ thường, số và ký tự đặc biệt.',
  source: { docId: 'luat-atttm', section: 'Điều 9' },
});
const FOUR = ['123456', 'Tr0ng-Đồng#2026', 'matkhau', 'ngày sinh'];
const attempt = (over: Partial<Attempt> = {}): Attempt => ({
  id: 'attempt-7',
  userId: 'user-1',
  mode: 'contest',
  contestId: 'thi-thu-2026',
  seed: 1,
  plan: [],
  answers: [],
  startedAt: 0,
  status: 'in-progress',
  version: 0,
  ...over,
});

interface AdaptiveJson {
  type: string;
  version: string;
  fallbackText: string;
  body: { type: string; text?: string; id?: string }[];
  actions: { type: string; title: string; data: unknown }[];
}
const adaptive = (reply: { attachments?: { contentType: string; content?: unknown }[] }) => {
  const card = reply.attachments?.[0];
  expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return card!.content as AdaptiveJson;
};

const describeSource: DescribeSource = (docId) =>
  docId === 'luat-atttm'
    ? {
        number: '86/2015/QH13',
        title: 'Luật An toàn thông tin mạng',
        url: 'https://example.gov.vn/86',
      }
    : undefined;

describe('question card', () => {
  it('is an Adaptive Card 1.4 with one Action.Submit per option carrying a valid payload', () => {
    const reply = questionReply({
      channelId: 'msteams',
      attempt: attempt(),
      question: question(FOUR),
      remainingMs: 750_000,
    });
    const card = adaptive(reply);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe(ADAPTIVE_CARD_VERSION);
    expect(card.body.map((b) => b.text)).toEqual(['Câu 3/10', 'Còn 12 phút 30 giây']);
    expect(card.actions.map((a) => [a.type, a.title])).toEqual([
      ['Action.Submit', 'A'],
      ['Action.Submit', 'B'],
      ['Action.Submit', 'C'],
      ['Action.Submit', 'D'],
    ]);
    card.actions.forEach((a, choice) => {
      expect(a.data).toEqual({ type: 'quiz-answer', attemptId: 'attempt-7', index: 2, choice });
      expect(quizPayloadSchema.parse(a.data)).toEqual(a.data);
    });
    // Where the card cannot be rendered, its fallback stands in for the buttons only: the text
    // above it already holds the question and the options, which are not repeated.
    expect(card.fallbackText).toBe('Câu 3/10 · Còn 12 phút 30 giây. Gõ A, B, C hoặc D để trả lời.');
    for (const option of FOUR) {
      expect(reply.text).toContain(option);
      expect(card.fallbackText).not.toContain(option);
    }
  });

  it.each([2, 3, 4, 5, 6])('puts all %i options with their letters in the plain text', (n) => {
    const options = Array.from({ length: n }, (_, i) => `Phương án thứ ${i + 1}`);
    for (const channelId of ['emulator', 'telegram', 'sms', undefined]) {
      const { text } = questionReply({
        channelId,
        attempt: attempt(),
        question: question(options),
      });
      options.forEach((o, i) => expect(text).toContain(`**${'ABCDEF'[i]}.** ${o}`));
      expect(text).toContain('**Câu 3/10**');
      expect(text).toContain('Mật khẩu nào \\*an toàn\\* nhất?');
    }
  });

  it('says how to answer and how to stop, by mode; shows time left only when timed', () => {
    const contest = questionReply({
      channelId: 'test',
      attempt: attempt(),
      question: question(FOUR),
      remainingMs: 59_001,
    }).text!;
    expect(contest).toContain('**Câu 3/10 · Còn 1 phút**');
    expect(contest).toContain('gõ A, B, C hoặc D để trả lời. Gõ /nopbai để nộp bài sớm');
    const practice = questionReply({
      channelId: 'test',
      attempt: attempt({ mode: 'practice' }),
      question: question(FOUR),
    }).text!;
    expect(practice).not.toContain('Còn');
    expect(practice).toContain('Gõ /huy để dừng luyện tập.');
  });

  it('is a hero card of messageBack buttons where Adaptive Cards do not render', () => {
    const reply = questionReply({
      channelId: 'facebook',
      attempt: attempt(),
      question: question(FOUR),
    });
    const card = reply.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.hero');
    const buttons = (card?.content as { buttons: Record<string, unknown>[] }).buttons;
    expect(buttons[2]).toEqual({
      type: 'messageBack',
      title: 'C',
      text: 'C',
      displayText: 'C',
      value: { type: 'quiz-answer', attemptId: 'attempt-7', index: 2, choice: 2 },
    });
  });
});

describe('tiebreak card', () => {
  const contest = fakeContest();
  it('asks for a number in text, and in a number input where cards render', () => {
    const reply = tiebreakReply({
      channelId: 'webchat',
      attempt: attempt(),
      contest,
      remainingMs: 30_000,
    });
    expect(reply.text).toContain('**Câu hỏi phụ · Còn 30 giây**');
    expect(reply.text).toContain('Dự đoán số người tham gia cuộc thi?');
    expect(reply.text).toContain('(đơn vị: người), ví dụ: 1500.');
    const card = adaptive(reply);
    expect(card.body.find((b) => b.type === 'Input.Number')?.id).toBe('prediction');
    expect(card.actions[0]?.data).toEqual({ type: 'quiz-tiebreak', attemptId: 'attempt-7' });
    expect(
      tiebreakReply({ channelId: 'sms', attempt: attempt(), contest }).attachments,
    ).toBeUndefined();
  });
});

describe('practice feedback', () => {
  it('says right, with the correct option, explanation and cited document', () => {
    const text = practiceFeedbackText(
      { question: question(FOUR), chosen: 1, correct: true },
      describeSource,
    );
    expect(text).toBe(
      [
        '✅ **Chính xác!**',
        'Đáp án đúng: **B.** Tr0ng-Đồng#2026',
        '**Giải thích:** Mật khẩu dài, có chữ hoa, chữ thường, số và ký tự đặc biệt.',
        '**Nguồn:** 86/2015/QH13 — Luật An toàn thông tin mạng, Điều 9 — [https://example.gov.vn/86](https://example.gov.vn/86)',
      ].join('\n\n'),
    );
  });

  it('says wrong, what was chosen, and cites by id when the document is unknown', () => {
    const text = practiceFeedbackText({ question: question(FOUR), chosen: 3, correct: false });
    expect(text).toContain(
      '❌ **Chưa đúng.**\n\nAnh/chị chọn **D.** ngày sinh\n\nĐáp án đúng: **B.**',
    );
    expect(text).toContain('**Nguồn:** luat-atttm, Điều 9');
  });
});

describe('result card', () => {
  const finished = (over: Partial<FinishedAttempt> = {}): FinishedAttempt => ({
    attempt: attempt({ status: 'submitted', submitReason: 'user', tiebreakAnswer: 1500 }),
    contest: fakeContest(),
    score: {
      correct: 3,
      total: 5,
      score: 60,
      passed: true,
      byTopic: {
        'chu-ky-so': { correct: 1, total: 2 },
        'an-toan-thong-tin': { correct: 2, total: 3 },
      },
    },
    review: [
      { question: question(FOUR, 0, 5), chosen: 0 },
      { question: question(FOUR, 4, 5), chosen: null },
    ],
    ...over,
  });
  const topics = [
    { id: 'an-toan-thong-tin', name: 'An toàn thông tin mạng' },
    { id: 'chu-ky-so', name: 'Chữ ký số' },
  ];

  it('shows score of 100, pass, tiebreak, topic bars in bank order and each wrong answer', () => {
    const text = resultText(finished(), { topics, describeSource, candidateName: 'Trần Thị B' });
    expect(text).toContain(
      '**Kết quả bài thi “Thi thử năng lực số 2026”**\n\nThí sinh: Trần Thị B',
    );
    expect(text).toContain('**Điểm: 60/100** (đúng 3/5 câu)\n\n✅ **Đạt** (điểm đạt: 50/100)');
    expect(text).toContain('Câu hỏi phụ — dự đoán của anh/chị: 1.500 người');
    expect(text).toContain(
      '**Theo chủ đề:**\n- ▓▓▓▓▓▓▓░░░ 2/3 · An toàn thông tin mạng\n- ▓▓▓▓▓░░░░░ 1/2 · Chữ ký số',
    );
    expect(text).toContain(
      '1. **Câu 1:** Mật khẩu nào \\*an toàn\\* nhất?\n   - Anh/chị chọn: **A.** 123456\n   - Đáp án đúng: **B.** Tr0ng-Đồng#2026\n   - Giải thích: Mật khẩu dài',
    );
    expect(text).toContain(
      '1. **Câu 5:** Mật khẩu nào \\*an toàn\\* nhất?\n   - Anh/chị chọn: (chưa trả lời)',
    );
    expect(text).toContain('   - Nguồn: 86/2015/QH13 — Luật An toàn thông tin mạng, Điều 9');
  });

  it('shows a fail, and what the review policy says when no review is given', () => {
    const failed = finished({
      score: { correct: 1, total: 5, score: 20, passed: false, byTopic: {} },
      review: undefined,
      contest: fakeContest({ review: 'after-close' }),
    });
    expect(resultText(failed)).toContain('❌ **Chưa đạt** (điểm đạt: 50/100)');
    expect(resultText(failed)).toContain(
      'sẽ được công bố sau khi cuộc thi kết thúc (08:00 ngày 02/12/2026)',
    );
    const never = { ...failed, contest: fakeContest({ review: 'never' }) };
    expect(resultText(never)).toContain(quizTexts.reviewNever);
  });

  it('congratulates when the review has nothing wrong; practice has no pass mark', () => {
    const practice: FinishedAttempt = {
      attempt: attempt({ mode: 'practice', status: 'submitted', submitReason: 'complete' }),
      score: { correct: 3, total: 3, score: 100, byTopic: { x: { correct: 3, total: 3 } } },
      review: [],
    };
    const text = resultText(practice);
    expect(text).toMatch(/^\*\*Kết quả bài luyện tập\*\*/);
    expect(text).toContain('- ▓▓▓▓▓▓▓▓▓▓ 3/3 · x');
    expect(text).toContain(quizTexts.reviewAllRight);
    expect(text).not.toMatch(/Đạt|Thí sinh/);
  });

  it('builds the proactive "time is up" message the scheduler sends', () => {
    const expired = finished({
      attempt: attempt({ status: 'submitted', submitReason: 'deadline' }),
    });
    const reply = contestExpiredReply(expired, { topics });
    expect(reply.type).toBe('message');
    expect(reply.text).toMatch(
      /^⏰ Đã hết thời gian làm bài thi “Thi thử năng lực số 2026”\. Bài thi đã được nộp tự động; câu chưa trả lời được tính là sai\.\n\n\*\*Kết quả bài thi/,
    );
    expect(reply.text).toContain('**Điểm: 60/100**');
    expect(reply.text).not.toContain(quizTexts.submitReason.deadline);
  });
});

describe('contest cards', () => {
  const listing = (over: Partial<ContestListing> = {}): ContestListing => ({
    contest: fakeContest(),
    attemptsLeft: 1,
    effectiveDeadline: Date.parse('2026-11-02T08:10:00+07:00'),
    ...over,
  });

  it('lists open contests with buttons only for those with attempts left', () => {
    const other = listing({
      contest: fakeContest({ id: 'thi-2', title: 'Thi lần hai' }),
      attemptsLeft: 0,
    });
    const reply = contestListReply('msteams', [listing(), other]);
    expect(reply.text).toContain(
      '1. **Thi thử năng lực số 2026** (mã: thi-thu-2026) — 4 câu, 10 phút; mở đến 08:00 ngày 02/12/2026; còn 1 lượt dự thi',
    );
    expect(reply.text).toContain(
      '(mã: thi-2) — 4 câu, 10 phút; mở đến 08:00 ngày 02/12/2026; đã hết lượt dự thi',
    );
    expect(adaptive(reply).actions.map((a) => a.data)).toEqual([
      { type: 'contest-open', contestId: 'thi-thu-2026' },
    ]);
    expect(contestListReply('msteams', [other]).attachments).toBeUndefined();
    expect(contestListReply('msteams', []).text).toBe(quizTexts.contestListEmpty);
  });

  it('says which contest the person is sitting, instead of its attempts used up', () => {
    const sitting = listing({ attemptsLeft: 0, running: true });
    const reply = contestListReply('msteams', [sitting]);
    expect(reply.text).toContain(
      '(mã: thi-thu-2026) — 4 câu, 10 phút; mở đến 08:00 ngày 02/12/2026; anh/chị **đang làm bài thi này**: gõ **/thi thi-thu-2026** để xem lại câu hỏi hiện tại',
    );
    expect(reply.text).not.toContain('đã hết lượt');
  });

  it('confirms with the rules, deadline, attempts, pass mark and Bắt đầu / Để sau', () => {
    const reply = contestConfirmReply('emulator', listing());
    expect(reply.text).toContain('**Thi thử năng lực số 2026**');
    for (const line of [
      'Số câu hỏi: 4 câu trắc nghiệm',
      'Thời gian làm bài: 10 phút',
      'phải nộp bài trước 08:10 ngày 02/11/2026',
      'Điểm đạt: 50/100.',
      'Số lượt dự thi còn lại: 1 (tính cả lượt này).',
      'câu hỏi phụ (dự đoán một con số)',
      'Anh/chị được xem đáp án và giải thích ngay sau khi nộp bài.',
      'Gõ /nopbai để nộp bài sớm: bài được nộp ngay, không hỏi lại.',
    ]) {
      expect(reply.text).toContain(line);
    }
    expect(adaptive(reply).actions.map((a) => [a.title, a.data])).toEqual([
      ['Bắt đầu', { type: 'contest-start', contestId: 'thi-thu-2026' }],
      ['Để sau', { type: 'contest-later', contestId: 'thi-thu-2026' }],
    ]);
    const hero = contestConfirmReply('telegram', listing()).attachments?.[0]?.content as {
      buttons: { text: string }[];
    };
    expect(hero.buttons.map((b) => b.text)).toEqual(['/batdau thi-thu-2026', 'Để sau']);
  });

  it('warns when the contest closes before the full time limit', () => {
    const closing = fakeContest({ closesAt: Date.parse('2026-11-02T08:05:00+07:00') });
    const reply = contestConfirmReply(
      'test',
      listing({ contest: closing, effectiveDeadline: closing.closesAt }),
    );
    expect(reply.text).toContain('Cuộc thi đóng lúc 08:05 ngày 02/11/2026, nên nếu bắt đầu ngay');
  });
});
