import { MemoryStorage } from 'botbuilder';
import { quizTexts, texts } from '../../../dialogs';
import { FAKE_T0, FakeQuizService, fakeContest } from '../../helpers/fake-quiz-service';
import { lit, quizBot, transcript, type Expect } from './quiz-bot-setup';

const QUESTION = 'Chữ ký số có giá trị pháp lý không?';
const wrong = (letter: string) => (letter === 'A' ? 'B' : 'A');

describe('quiz commands', () => {
  it.each<[string, string, unknown[], RegExp]>([
    ['/luyentap', 'startPractice', [undefined], /^Bắt đầu bài luyện tập 3 câu\./],
    ['/LUYENTAP.', 'startPractice', [undefined], /Câu 1\/3/],
    ['luyện tập', 'startPractice', [undefined], /Câu 1\/3/],
    ['Luyen tap', 'startPractice', [undefined], /Câu 1\/3/],
    ['ôn thi', 'startPractice', [undefined], /Câu 1\/3/],
    ['/luyện tập', 'startPractice', [undefined], /Câu 1\/3/],
    [
      '/luyentap an toàn thông tin',
      'startPractice',
      ['an-toan-thong-tin'],
      /về chủ đề “An toàn thông tin mạng”/,
    ],
    ['/luyentap chu ky so', 'startPractice', ['chu-ky-so'], /Chữ ký số và giao dịch điện tử/],
    ['luyện tập chu-ky-so', 'startPractice', ['chu-ky-so'], /Câu 1\/3/],
    ['/thi', 'listContests', [], /^\*\*Các cuộc thi đang mở cho anh\/chị:\*\*/],
    ['dự thi', 'listContests', [], /\(mã: thi-thu-2026\)/],
    ['/thi thi-thu-2026', 'prepareContest', ['thi-thu-2026'], /Số câu hỏi: 4 câu/],
    ['/thi THI-THU-2026', 'prepareContest', ['thi-thu-2026'], /Thời gian làm bài: 10 phút/],
    ['/thi khong-co', 'prepareContest', ['khong-co'], /Không tìm thấy cuộc thi có mã “khong-co”/],
    ['/batdau thi-thu-2026', 'startContest', ['thi-thu-2026'], /Bắt đầu làm bài thi\./],
    ['/nopbai', 'submit', [], lit(quizTexts.rejection('no-active-attempt'))],
    ['nộp bài', 'submit', [], lit(quizTexts.rejection('no-active-attempt'))],
    ['/huy', 'cancel', [], lit(quizTexts.rejection('no-active-attempt'))],
    ['hủy', 'cancel', [], lit(quizTexts.rejection('no-active-attempt'))],
  ])('%s → %s(%j)', async (says, method, args, reply) => {
    const { say, service, answerer } = quizBot();
    const replies = await say(says);
    const call = service.calls.find((c) => c.method !== 'resume');
    expect(call).toMatchObject({ method, userId: 'user-1', args });
    expect(call?.conversation).toMatchObject({ conversation: { id: 'Convo1' } });
    expect(replies.map((r) => r.text).join('\n\n')).toMatch(reply);
    expect(answerer.calls).toEqual([]);
  });

  it('names the topics when the one asked for does not exist, without starting anything', async () => {
    const { say, service } = quizBot();
    await transcript(say, [
      [
        '/luyentap nấu ăn',
        [
          quizTexts.unknownTopic('nấu ăn', [
            'An toàn thông tin mạng',
            'Chữ ký số và giao dịch điện tử',
          ]),
        ],
      ],
    ]);
    expect(service.calls).toEqual([]);
  });

  it('passes the topic as typed when it has no topic list, and words the refusal', async () => {
    const { say, service } = quizBot({ withTopics: false });
    await transcript(say, [['/luyentap nấu ăn', [quizTexts.rejection('unknown-topic')]]]);
    expect(service.calls[0]).toMatchObject({ method: 'startPractice', args: ['nấu ăn'] });
  });

  it('says "để sau" politely and keeps the usual commands out of Q&A', async () => {
    const { say, answerer } = quizBot();
    await transcript(say, [
      ['để sau', [quizTexts.later()]],
      ['trợ giúp', [lit(quizTexts.helpSection)]],
      [QUESTION, [/20\/2023\/QH15/]],
    ]);
    expect(answerer.calls.map((c) => c.question)).toEqual([QUESTION]);
  });

  it('lists the commands for an unknown one, keeping a running attempt as it is', async () => {
    const { say, service, answerer } = quizBot();
    await say('/luyentap');
    await transcript(say, [
      ['/ketqua', [quizTexts.unknownCommand('/ketqua')]],
      [() => service.correctLetter(), [/^✅/, /Câu 2\/3/]],
    ]);
    expect(answerer.calls).toEqual([]);
  });

  it('mentions practice and contests when welcoming someone', async () => {
    const { say } = quizBot();
    const replies = await say({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-1', name: 'A' }],
    });
    expect(replies.map((r) => r.text)).toEqual([`${texts.welcome}\n\n${quizTexts.welcomeSection}`]);
  });

  it('answers "A" with no quiz running by saying how to start one', async () => {
    const { say, service, answerer } = quizBot();
    await transcript(say, [
      ['A', [quizTexts.rejection('no-active-attempt')]],
      ['Đáp án C', [quizTexts.rejection('no-active-attempt')]],
    ]);
    expect(service.methods()).toEqual(['answer', 'answer']);
    expect(service.calls[0]?.args).toEqual([{ kind: 'text', text: 'A' }]);
    expect(answerer.calls).toEqual([]);
  });
});

describe('practice transcript', () => {
  it('gives feedback after each answer, answers questions meanwhile, and ends with the result', async () => {
    const { say, service, answerer } = quizBot();
    let first = '';
    await transcript(say, [
      ['/luyentap', [/^Bắt đầu bài luyện tập 3 câu\.[\s\S]*\*\*Câu 1\/3\*\*[\s\S]*- \*\*D\.\*\*/]],
      [
        () => (first = service.correctLetter()),
        [
          /^✅ \*\*Chính xác!\*\*\n\nĐáp án đúng: \*\*[A-D]\.\*\* Đúng \d[\s\S]*\*\*Giải thích:\*\* Vì đáp án đúng[\s\S]*\*\*Nguồn:\*\* 20\/2023\/QH15 — Luật Giao dịch điện tử, Điều \d — \[https:\/\/example\.gov\.vn\/luat-20-2023\]/,
          /^\*\*Câu 2\/3\*\*/,
        ],
      ],
      [
        'E',
        [/^Không có phương án này\. Câu hỏi có 4 phương án: hãy bấm nút hoặc gõ A, B, C hoặc D/],
      ],
      ['0', [/^Không có phương án này\. Câu hỏi có 4 phương án/]],
      ['99', [/A, B, C hoặc D/]],
      [
        QUESTION,
        [/20\/2023\/QH15/, /^Bài luyện tập của anh\/chị vẫn đang chờ[^\n]*\n\n\*\*Câu 2\/3\*\*/],
      ],
      [
        () => `Đáp án ${wrong(service.correctLetter())}`,
        [
          /^❌ \*\*Chưa đúng\.\*\*\n\nAnh\/chị chọn \*\*[AB]\.\*\* Sai[\s\S]*Đáp án đúng: \*\*[A-D]\.\*\* Đúng/,
          /Câu 3\/3/,
        ],
      ],
      [
        () => String(service.correctLetter().charCodeAt(0) - 64),
        [
          /^✅/,
          /^\*\*Kết quả bài luyện tập\*\*\n\nAnh\/chị đã trả lời hết các câu hỏi; bài đã được nộp\.\n\n\*\*Điểm: 66\/100\*\* \(đúng 2\/3 câu\)/,
        ],
      ],
      ['B', [quizTexts.rejection('no-active-attempt')]],
      [QUESTION, [/20\/2023\/QH15/]],
    ]);
    expect(first).toMatch(/^[A-D]$/);
    expect(answerer.calls.map((c) => c.question)).toEqual([QUESTION, QUESTION]);
    expect(service.attemptOf()).toBeUndefined();
  });

  it('shows every wrong answer with the right one in the practice result', async () => {
    const { say, service } = quizBot();
    await say('/luyentap');
    await say(wrong(service.correctLetter()));
    await say(service.correctLetter());
    const replies = await say(wrong(service.correctLetter()));
    const result = replies.at(-1)!.text!;
    expect(result).toContain('**Điểm: 33/100** (đúng 1/3 câu)');
    expect(result).toMatch(/- ▓{5}░{5} 1\/2 · |- ░{10} 0\/1 · |- ▓{10} 1\/1 · /);
    expect(result).toContain('**Các câu chưa đúng:**');
    expect(result.match(/Đáp án đúng: \*\*[A-D]\.\*\* Đúng/g)).toHaveLength(2);
    expect(result).toContain('Gõ /luyentap để luyện tập tiếp.');
    expect(result).not.toContain('Đạt');
  });

  it('stops a practice with /huy and says how many were answered', async () => {
    const { say, service } = quizBot();
    await say('/luyentap');
    await say(service.correctLetter());
    await transcript(say, [['/huy', [quizTexts.practiceCancelled(1, 3)]]]);
    expect(service.attemptOf()).toBeUndefined();
  });

  it('resumes the practice that runs instead of starting another', async () => {
    const { say, service } = quizBot();
    await say('/luyentap');
    await transcript(say, [
      ['luyện tập', [/^Anh\/chị đang có một bài luyện tập chưa làm xong[\s\S]*Câu 1\/3/]],
    ]);
    expect(service.methods().filter((m) => m === 'startPractice')).toHaveLength(2);
  });
});

describe('contest transcript', () => {
  const contestRows = (service: FakeQuizService): [string | (() => string), Expect][] => [
    [
      '/thi',
      [
        /\*\*Thi thử năng lực số 2026\*\* \(mã: thi-thu-2026\) — 4 câu, 10 phút; mở đến 08:00 ngày 02\/12\/2026; còn 1 lượt dự thi/,
      ],
    ],
    [
      '/thi thi-thu-2026',
      [
        /Nếu bắt đầu ngay, anh\/chị phải nộp bài trước 08:10 ngày 02\/11\/2026\.[\s\S]*Điểm đạt: 50\/100\.[\s\S]*Số lượt dự thi còn lại: 1[\s\S]*câu hỏi phụ[\s\S]*Gõ \/nopbai để nộp bài sớm: bài được nộp ngay, không hỏi lại\./,
      ],
    ],
    ['bắt đầu', [/^Bắt đầu làm bài thi\.[\s\S]*\*\*Câu 1\/4 · Còn 10 phút\*\*/]],
    [
      () => {
        service.now += 150_000;
        return QUESTION;
      },
      [
        /^Anh\/chị đang làm bài thi: trong thời gian thi, tôi không trả lời câu hỏi khác\.[^\n]*\n\n\*\*Câu 1\/4 · Còn 7 phút 30 giây\*\*/,
      ],
    ],
    [
      () => service.correctLetter(),
      [/^Đã ghi nhận câu trả lời cho câu 1\.\n\n\*\*Câu 2\/4 · Còn 7 phút 30 giây\*\*/],
    ],
    [() => wrong(service.correctLetter()), [/^Đã ghi nhận câu trả lời cho câu 2\.[\s\S]*Câu 3\/4/]],
    [() => service.correctLetter(), [/Câu 4\/4/]],
    ['/huy', [/^Bài thi đã bắt đầu thì không thể hủy/]],
    [
      () => service.correctLetter(),
      [
        /^Anh\/chị đã trả lời hết các câu trắc nghiệm[\s\S]*\*\*Câu hỏi phụ · Còn 7 phút 30 giây\*\*[\s\S]*Dự đoán số người tham gia/,
      ],
    ],
    ['nhiều lắm', [/^Tôi chưa đọc được con số dự đoán[\s\S]*Câu hỏi phụ/]],
    [
      '1.500 người',
      [
        /^\*\*Kết quả bài thi “Thi thử năng lực số 2026”\*\*\n\nThí sinh: Nguyễn Văn A\n\nAnh\/chị đã trả lời hết các câu hỏi; bài đã được nộp\.\n\n\*\*Điểm: 75\/100\*\* \(đúng 3\/4 câu\)\n\n✅ \*\*Đạt\*\* \(điểm đạt: 50\/100\)\n\nCâu hỏi phụ — dự đoán của anh\/chị: 1\.500 người\n\n\*\*Theo chủ đề:\*\*\n- [▓░]{10} \d\/2 · An toàn thông tin mạng\n- [▓░]{10} \d\/2 · Chữ ký số và giao dịch điện tử\n\n\*\*Các câu chưa đúng:\*\*/,
      ],
    ],
    ['/thi thi-thu-2026', [quizTexts.rejection('no-attempts-left')]],
  ];

  it('confirms, times, reminds without Q&A, asks the tiebreak and shows the result', async () => {
    const { say, service, answerer } = quizBot();
    await transcript(say, contestRows(service));
    expect(answerer.calls).toEqual([]);
    expect(service.methods()).toContain('startContest');
  });

  it('submits early with /nopbai (one step) and counts unanswered questions as wrong', async () => {
    const { say, service } = quizBot();
    await say('/batdau thi-thu-2026');
    await say(service.correctLetter());
    await transcript(say, [
      [
        '/nopbai',
        [
          /^\*\*Kết quả bài thi[\s\S]*Anh\/chị đã nộp bài\.\n\n\*\*Điểm: 25\/100\*\* \(đúng 1\/4 câu\)\n\n❌ \*\*Chưa đạt\*\* \(điểm đạt: 50\/100\)[\s\S]*\(chưa trả lời\)/,
        ],
      ],
    ]);
  });

  it('withholds the answers until the contest closes when its review is after-close', async () => {
    const service = new FakeQuizService({ contests: [fakeContest({ review: 'after-close' })] });
    const { say } = quizBot({ service });
    await say('/batdau thi-thu-2026');
    const [result] = await say('/nopbai');
    expect(result!.text).toContain(
      'Đáp án và giải thích sẽ được công bố sau khi cuộc thi kết thúc (08:00 ngày 02/12/2026).',
    );
    expect(result!.text).not.toContain('Các câu chưa đúng');
  });

  it('declines with "để sau" while the confirmation card waits', async () => {
    const { say, service } = quizBot();
    await say('/thi thi-thu-2026');
    await transcript(say, [['không', [quizTexts.later('thi-thu-2026')]]]);
    expect(service.methods()).not.toContain('startContest');
  });

  it('answers a question typed instead of "bắt đầu", and forgets the pending confirmation', async () => {
    const { say, service, answerer } = quizBot();
    await say('/thi thi-thu-2026');
    await transcript(say, [
      [QUESTION, [/20\/2023\/QH15/]],
      ['bắt đầu', [/Tôi chưa tìm thấy câu trả lời/]],
    ]);
    expect(answerer.calls).toHaveLength(2);
    expect(service.methods()).not.toContain('startContest');
  });

  it('tells that time is up when the deadline passed, then answers the question', async () => {
    const { say, service } = quizBot();
    await say('/batdau thi-thu-2026');
    service.now += 11 * 60_000;
    await transcript(say, [
      [
        QUESTION,
        [
          /Hết thời gian làm bài: bài đã được nộp tự động[\s\S]*\*\*Điểm: 0\/100\*\*/,
          /20\/2023\/QH15/,
        ],
      ],
    ]);
  });
});

describe('resuming from the service, not from dialog state', () => {
  it('continues a contest after a restart that lost the conversation state', async () => {
    const service = new FakeQuizService();
    const before = quizBot({ service });
    await before.say('/batdau thi-thu-2026');
    await before.say(service.correctLetter());
    service.now = FAKE_T0 + 60_000;

    const after = quizBot({ service, storage: new MemoryStorage() });
    await transcript(after.say, [
      ['Còn bao lâu?', [/^Anh\/chị đang làm bài thi[\s\S]*\*\*Câu 2\/4 · Còn 9 phút\*\*/]],
      [() => service.correctLetter(), [/^Đã ghi nhận câu trả lời cho câu 2\.[\s\S]*Câu 3\/4/]],
    ]);
    expect(after.answerer.calls).toEqual([]);
  });

  it('resumes a practice after a turn error cleared the conversation state', async () => {
    const { say, service, answerer } = quizBot();
    await say('/luyentap');
    answerer.failWith = new Error('boom');
    await transcript(say, [[QUESTION, [texts.turnError]]]);
    answerer.failWith = undefined;
    await transcript(say, [
      [() => service.correctLetter(), [/^✅/, /Câu 2\/3/]],
      [QUESTION, [/20\/2023\/QH15/, /vẫn đang chờ[\s\S]*Câu 2\/3/]],
    ]);
  });

  it('answers a second device of the same person (Teams aadObjectId) in his attempt', async () => {
    const service = new FakeQuizService();
    const phone = quizBot({ service });
    await phone.say('/luyentap');
    const desktop = quizBot({
      service,
      from: { id: 'other-device-id', name: 'A', aadObjectId: 'user-1' },
    });
    await transcript(desktop.say, [[() => service.correctLetter(), [/^✅/, /Câu 2\/3/]]]);
    expect(service.calls.at(-1)).toMatchObject({ method: 'answer', userId: 'user-1' });
  });
});
