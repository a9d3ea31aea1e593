import { quizTexts, texts, type QuizAnswerPayload } from '../../../dialogs';
import type { QuizOutcome, QuizRejection } from '../../../src/quiz';
import { FAKE_T0, FakeQuizService, fakeContest } from '../../helpers/fake-quiz-service';
import { buttonValues, lit, press, quizBot, transcript } from './quiz-bot-setup';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** Starts a practice on an Adaptive Card channel and returns the first question's buttons. */
async function practiceWithButtons(channelId = 'emulator') {
  const bot = quizBot({ channelId });
  const [question] = await bot.say('/luyentap');
  const buttons = buttonValues(question) as QuizAnswerPayload[];
  return { ...bot, question, buttons };
}

describe('card buttons', () => {
  it('sends A/B/C/D as an Adaptive Card on Teams, Web Chat, the Emulator and Direct Line', async () => {
    for (const channelId of ['msteams', 'webchat', 'emulator', 'directline']) {
      const { question, buttons } = await practiceWithButtons(channelId);
      expect(question?.attachments?.[0]?.contentType).toBe(ADAPTIVE);
      expect(buttons).toEqual(
        [0, 1, 2, 3].map((choice) => ({
          type: 'quiz-answer',
          attemptId: 'attempt-1',
          index: 0,
          choice,
        })),
      );
    }
  });

  it('sends a hero card elsewhere, with the options in the text', async () => {
    const { question, buttons } = await practiceWithButtons('telegram');
    expect(question?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(buttons).toHaveLength(4);
    expect(question?.text).toMatch(/- \*\*A\.\*\* [\s\S]*- \*\*D\.\*\* /);
  });

  it('takes an answer from a button, and refuses a second press on the same question', async () => {
    const { say, service, buttons } = await practiceWithButtons();
    const right = buttons.find((b) => b.choice === service.correctLetter().charCodeAt(0) - 65)!;
    const other = buttons.find((b) => b !== right)!;
    await transcript(say, [
      [press(right), [/^✅ \*\*Chính xác!\*\*/, /Câu 2\/3/]],
      // The same click delivered again by the user (not a channel retry): the service says duplicate.
      [press(right), []],
      [press(other), [/^Câu này anh\/chị đã trả lời rồi[\s\S]*\*\*Câu 2\/3\*\*/]],
    ]);
    expect(service.calls.filter((c) => c.method === 'answer').map((c) => c.args[0])).toEqual([
      { kind: 'button', ...withoutType(right) },
      { kind: 'button', ...withoutType(right) },
      { kind: 'button', ...withoutType(other) },
    ]);
    expect(service.attemptOf()?.answers.filter(Boolean)).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>]>([
    ['index as text', { index: '0' }],
    ['choice out of bounds', { choice: 26 }],
    ['negative index', { index: -1 }],
    ['fractional choice', { choice: 1.5 }],
    ['empty attempt id', { attemptId: '' }],
    ['attempt id as number', { attemptId: 7 }],
    ['unknown extra field', { score: 100 }],
    ['unknown quiz type', { type: 'quiz-grade' }],
    ['contest start without id', { type: 'contest-start', contestId: undefined }],
  ])('refuses a forged payload (%s) without calling the service', async (_name, change) => {
    const { say, service, buttons } = await practiceWithButtons();
    const version = service.attemptOf()?.version;
    const calls = service.calls.length;
    await transcript(say, [[press({ ...buttons[0], ...change }), [quizTexts.invalidPayload]]]);
    expect(service.calls.length).toBe(calls);
    expect(service.attemptOf()?.version).toBe(version);
  });

  it.each<[string, (b: QuizAnswerPayload) => QuizAnswerPayload, QuizRejection]>([
    ['another attempt', (b) => ({ ...b, attemptId: 'attempt-999' }), 'wrong-attempt'],
    ['another question', (b) => ({ ...b, index: 2 }), 'wrong-question'],
    ['a choice beyond the options', (b) => ({ ...b, choice: 7 }), 'choice-out-of-range'],
  ])('passes %s to the service, which refuses it; nothing changes', async (_n, forge, reason) => {
    const { say, service, buttons } = await practiceWithButtons();
    const version = service.attemptOf()?.version;
    const replies = await say(press(forge(buttons[0]!)));
    expect(replies[0]?.text).toMatch(
      new RegExp(`^${escape(quizTexts.rejection(reason, { optionCount: 4 }))}`),
    );
    expect(service.calls.at(-2)).toMatchObject({ method: 'answer' });
    expect(service.attemptOf()?.version).toBe(version);
  });

  it('leaves values that are not for the quiz to the feedback path', async () => {
    const { say, service } = quizBot();
    await transcript(say, [
      [press({ type: 'hack', attemptId: 'x' }), [texts.feedbackInvalid]],
      [press('quiz-answer'), [texts.feedbackInvalid]],
    ]);
    expect(service.calls).toEqual([]);
  });

  it('starts a contest from the list and confirmation buttons; "Để sau" starts nothing', async () => {
    const { say, service } = quizBot({ channelId: 'msteams' });
    const [list] = await say('/thi');
    expect(buttonValues(list)).toEqual([{ type: 'contest-open', contestId: 'thi-thu-2026' }]);
    const [confirm] = await say(press(buttonValues(list)[0]));
    const [start, later] = buttonValues(confirm);
    expect(start).toEqual({ type: 'contest-start', contestId: 'thi-thu-2026' });
    expect(later).toEqual({ type: 'contest-later', contestId: 'thi-thu-2026' });
    await transcript(say, [
      [press(later), [quizTexts.later('thi-thu-2026')]],
      [press(start), [/^Bắt đầu làm bài thi\.[\s\S]*Câu 1\/4 · Còn 10 phút/]],
    ]);
    expect(service.methods().filter((m) => m !== 'resume')).toEqual([
      'listContests',
      'prepareContest',
      'startContest',
    ]);
  });

  it('takes the tiebreak from its card and checks the attempt it names', async () => {
    const { say, service } = quizBot({ channelId: 'webchat' });
    await say('/batdau thi-thu-2026');
    for (let i = 0; i < 4; i++) await say(service.correctLetter());
    const attemptId = service.attemptOf()!.id;
    await transcript(say, [
      [
        press({ type: 'quiz-tiebreak', attemptId, prediction: 'nhiều' }),
        [quizTexts.tiebreakReminder],
      ],
      [press({ type: 'quiz-tiebreak', attemptId }), [quizTexts.tiebreakReminder]],
      [
        press({ type: 'quiz-tiebreak', attemptId: 'attempt-0', prediction: 5 }),
        [/^Câu trả lời này thuộc một bài đã kết thúc[\s\S]*Câu hỏi phụ/],
      ],
      [
        press({ type: 'quiz-tiebreak', attemptId, prediction: 1200 }),
        [/\*\*Điểm: 100\/100\*\*[\s\S]*dự đoán của anh\/chị: 1\.200 người/],
      ],
    ]);
    expect(service.calls.at(-1)).toMatchObject({
      method: 'answer',
      args: [{ kind: 'text', text: '1200' }],
    });
  });
});

describe('typed predictions', () => {
  it('reads what is typed at the tiebreak as the prediction, and says so when it is none', async () => {
    const { say, service } = quizBot({ channelId: 'webchat' });
    await say('/batdau thi-thu-2026');
    for (let i = 0; i < 4; i++) await say(service.correctLetter());
    // A letter goes the typed-answer way, the rest through the attempt dialog: the same hint.
    for (const typed of ['X', '-5', '1,5', 'abc']) {
      const replies = await say(typed);
      expect(replies[0]?.text).toMatch(new RegExp(`^${escape(quizTexts.tiebreakReminder)}`));
    }
    const [result] = await say('1200');
    expect(result?.text).toMatch(/\*\*Điểm: 100\/100\*\*/);
  });
});

describe('duplicate deliveries', () => {
  it('gives a retried answer, button, command or start no second effect and no reply', async () => {
    const { say, service, dedup } = quizBot({ channelId: 'emulator' });
    const [question] = await say({ type: 'message', id: 'act-1', text: '/luyentap' });
    await transcript(say, [[{ type: 'message', id: 'act-1', text: '/luyentap' }, []]]);
    const letter = service.correctLetter();
    await transcript(say, [
      [{ type: 'message', id: 'act-2', text: letter }, [/^✅/, /Câu 2\/3/]],
      [{ type: 'message', id: 'act-2', text: letter }, []],
    ]);
    // A button names its attempt and question: the service itself tells its retry (duplicate).
    const button = { ...(buttonValues(question) as QuizAnswerPayload[])[0]!, index: 1 };
    await transcript(say, [
      [{ type: 'message', id: 'act-b', value: button }, [/^(✅|❌)/, /Câu 3\/3/]],
      [{ type: 'message', id: 'act-b', value: button }, []],
    ]);
    const version = service.attemptOf()?.version;
    await transcript(say, [
      [{ type: 'message', id: 'act-3', text: '/huy' }, [quizTexts.practiceCancelled(2, 3)]],
      [{ type: 'message', id: 'act-3', text: '/huy' }, []],
    ]);
    expect(version).toBe(2);
    expect(service.methods().filter((m) => m !== 'resume')).toEqual([
      'startPractice',
      'answer',
      'answer',
      'answer',
      'cancel',
    ]);
    expect(dedup.calls.map(([channel, id]) => `${channel}/${id}`)).toEqual([
      'emulator/act-1',
      'emulator/act-1',
      'emulator/act-2',
      'emulator/act-2',
      'emulator/act-3',
      'emulator/act-3',
    ]);
  });

  it('does not consult the dedup port for plain questions', async () => {
    const { say, dedup } = quizBot();
    await say('Chữ ký số là gì?');
    await say('/thi');
    expect(dedup.calls).toEqual([]);
  });
});

describe('every refusal has its own Vietnamese message', () => {
  const reasons: QuizRejection[] = [
    'no-active-attempt',
    'attempt-running',
    'unknown-contest',
    'not-in-directory',
    'not-open-yet',
    'closed',
    'not-in-audience',
    'no-attempts-left',
    'unknown-topic',
    'invalid-answer',
    'wrong-attempt',
    'wrong-question',
    'already-answered',
    'choice-out-of-range',
    'deadline-passed',
    'contest-cannot-be-cancelled',
    'conflict',
  ];

  it.each(reasons)('%s', async (reason) => {
    const service = new FakeQuizService();
    service.script('startContest', { kind: 'rejected', reason } satisfies QuizOutcome);
    const { say } = quizBot({ service });
    const replies = await say('/batdau thi-thu-2026');
    expect(replies.map((r) => r.text)).toEqual([
      quizTexts.rejection(reason, { contestId: 'thi-thu-2026' }),
    ]);
  });

  it('words them all differently, addresses anh/chị and never says "bạn"', () => {
    const messages = reasons.map((r) => quizTexts.rejection(r, { contestId: 'x', optionCount: 4 }));
    expect(new Set(messages).size).toBe(reasons.length);
    for (const m of messages) {
      expect(m).toBe(m.normalize('NFC'));
      expect(m).not.toMatch(/\bbạn\b|undefined|\{|\}/);
    }
  });

  it('refuses a person outside the directory, who can still practise', async () => {
    const { say } = quizBot({ from: { id: 'stranger', name: 'Người lạ' } });
    await transcript(say, [
      [
        '/thi',
        [
          /^Anh\/chị chưa có trong danh sách cán bộ của hệ thống nên chưa thể dự thi; anh\/chị vẫn có thể luyện tập/,
        ],
      ],
      ['/batdau thi-thu-2026', [quizTexts.rejection('not-in-directory')]],
      ['/luyentap', [/Câu 1\/3/]],
    ]);
  });

  it.each<[string, Parameters<typeof fakeContest>[0], QuizRejection]>([
    ['closed', { closesAt: FAKE_T0 - 1 }, 'closed'],
    ['not open yet', { opensAt: FAKE_T0 + 1 }, 'not-open-yet'],
    ['for another unit', { audience: { units: ['CT-STTTT'], roles: [] } }, 'not-in-audience'],
  ])('refuses a contest that is %s, and changes nothing', async (_n, change, reason) => {
    const service = new FakeQuizService({ contests: [fakeContest(change)] });
    const { say } = quizBot({ service });
    await transcript(say, [
      ['/thi thi-thu-2026', [quizTexts.rejection(reason, { contestId: 'thi-thu-2026' })]],
      ['/batdau thi-thu-2026', [quizTexts.rejection(reason, { contestId: 'thi-thu-2026' })]],
    ]);
    expect(service.attemptOf()).toBeUndefined();
  });

  it('refuses a new attempt while another runs, and shows the running question', async () => {
    const { say } = quizBot();
    await say('/luyentap');
    await transcript(say, [
      ['/batdau thi-thu-2026', [/^Anh\/chị đang làm dở một bài[^\n]*\n\n\*\*Câu 1\/3\*\*/]],
    ]);
  });

  it('says a race was lost (conflict) and shows the current question', async () => {
    const service = new FakeQuizService();
    const { say } = quizBot({ service });
    await say('/luyentap');
    service.script('answer', { kind: 'rejected', reason: 'conflict' });
    await transcript(say, [['B', [/^Câu trả lời vừa rồi đến cùng lúc[\s\S]*\*\*Câu 1\/3\*\*/]]]);
  });

  it('says that time is up for a late button press, then shows the result', async () => {
    const { say, service } = quizBot({ channelId: 'emulator' });
    const [question] = await say('/batdau thi-thu-2026');
    service.now += 10 * 60_000;
    const replies = await say(press(buttonValues(question)[0]));
    expect(replies.map((r) => r.text)).toEqual([
      expect.stringMatching(/^\*\*Kết quả bài thi[\s\S]*Hết thời gian làm bài/),
    ]);
    await transcript(say, [
      [press(buttonValues(question)[1]), [quizTexts.rejection('deadline-passed')]],
    ]);
  });

  it('keeps help free of quiz commands when the quiz is not configured', () => {
    expect(lit(quizTexts.helpSection).test(texts.help(500))).toBe(false);
  });
});

function withoutType(p: QuizAnswerPayload) {
  return { attemptId: p.attemptId, index: p.index, choice: p.choice };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
