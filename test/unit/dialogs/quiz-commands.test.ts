import {
  formatDuration,
  formatInstant,
  lettersOr,
  looksLikeTypedAnswer,
  matchTopic,
  parseConfirmation,
  parseQuizCommand,
  quizTexts,
  textBar,
  type QuizCommand,
} from '../../../dialogs';

describe('parseQuizCommand', () => {
  it.each<[string, QuizCommand | undefined]>([
    ['/luyentap', { kind: 'practice' }],
    ['/LuyenTap', { kind: 'practice' }],
    ['/luyện tập', { kind: 'practice' }],
    ['luyện tập', { kind: 'practice' }],
    ['Luyện tập!', { kind: 'practice' }],
    ['luyen tap', { kind: 'practice' }],
    ['ôn thi', { kind: 'practice' }],
    ['on thi', { kind: 'practice' }],
    ['ôn tập', { kind: 'practice' }],
    ['/luyentap An toàn thông tin', { kind: 'practice', topic: 'An toàn thông tin' }],
    ['luyện tập chữ ký số', { kind: 'practice', topic: 'chữ ký số' }],
    ['/thi', { kind: 'contests' }],
    ['thi', { kind: 'contests' }],
    ['Dự thi', { kind: 'contests' }],
    ['cuộc thi', { kind: 'contests' }],
    ['/thi Danh-Gia-2026', { kind: 'contest', contestId: 'danh-gia-2026' }],
    ['/batdau thi-thu', { kind: 'start-contest', contestId: 'thi-thu' }],
    ['/bắt đầu thi-thu', { kind: 'start-contest', contestId: 'thi-thu' }],
    ['/batdau', { kind: 'contests' }],
    ['/nopbai', { kind: 'submit' }],
    ['/nộp bài', { kind: 'submit' }],
    ['nộp bài', { kind: 'submit' }],
    ['nop bai', { kind: 'submit' }],
    ['/huy', { kind: 'cancel' }],
    ['/hủy', { kind: 'cancel' }],
    ['hủy', { kind: 'cancel' }],
    ['huỷ', { kind: 'cancel' }],
    ['dừng', { kind: 'cancel' }],
    ['dừng luyện tập', { kind: 'cancel' }],
    ['để sau', { kind: 'later' }],
    ['De sau', { kind: 'later' }],
    // Ordinary questions and answers are not commands.
    ['thi công chức gồm những môn gì?', undefined],
    ['thì sao', undefined],
    ['đúng', undefined],
    ['dùng', undefined],
    ['nộp bài thế nào cho đúng hạn?', undefined],
    ['/nopbai ngay', { kind: 'submit' }],
    ['/huy luyện tập', { kind: 'cancel' }],
    ['/ketqua', { kind: 'unknown', command: '/ketqua' }],
    ['/xyz 12', { kind: 'unknown', command: '/xyz' }],
    ['/help', undefined],
    ['/ trợ giúp', undefined],
    ['/ 123', undefined],
    ['A', undefined],
    ['Chữ ký số là gì?', undefined],
  ])('%p → %j', (text, command) => {
    expect(parseQuizCommand(text)).toEqual(command);
  });
});

describe('looksLikeTypedAnswer', () => {
  it.each([
    'A',
    'b',
    'c.',
    '(d)',
    'B)',
    '3',
    '0',
    '99',
    'E',
    'z',
    'Đáp án C',
    'dap an: d',
    'chọn 2',
    'Ｂ',
  ])('%p is an answer', (text) => expect(looksLikeTypedAnswer(text)).toBe(true));
  it.each(['', 'ab', '100', '1500', 'A B', 'Câu 3', 'ok', 'có', 'Chữ ký số là gì?', '-1', '1.5'])(
    '%p is not',
    (text) => expect(looksLikeTypedAnswer(text)).toBe(false),
  );
});

describe('parseConfirmation', () => {
  it.each<[string, 'start' | 'later' | undefined]>([
    ['bắt đầu', 'start'],
    ['Bat dau', 'start'],
    ['OK', 'start'],
    ['có', 'start'],
    ['để sau', 'later'],
    ['không', 'later'],
    ['thôi.', 'later'],
    ['Chữ ký số là gì?', undefined],
  ])('%p → %p', (text, expected) => expect(parseConfirmation(text)).toBe(expected));
});

describe('matchTopic', () => {
  const topics = [
    { id: 'an-toan-thong-tin', name: 'An toàn thông tin mạng và bảo vệ dữ liệu cá nhân' },
    { id: 'cntt-trong-cong-viec', name: 'Ứng dụng CNTT trong công việc: thư điện tử, ký số' },
    { id: 'iso-va-mot-cua', name: 'ISO 9001:2015, thủ tục hành chính và cơ chế một cửa' },
  ];
  it.each<[string, string | undefined]>([
    ['an-toan-thong-tin', 'an-toan-thong-tin'],
    ['AN TOÀN THÔNG TIN MẠNG VÀ BẢO VỆ DỮ LIỆU CÁ NHÂN', 'an-toan-thong-tin'],
    ['an toan thong tin', 'an-toan-thong-tin'],
    ['một cửa', 'iso-va-mot-cua'],
    ['iso 9001', 'iso-va-mot-cua'],
    ['cntt', 'cntt-trong-cong-viec'],
    ['và', undefined],
    ['an', undefined],
    ['nấu ăn', undefined],
    ['', undefined],
  ])('%p → %p', (query, id) => expect(matchTopic(topics, query)?.id).toBe(id));
});

describe('formatting', () => {
  it.each<[number, string]>([
    [750_000, '12 phút 30 giây'],
    [600_000, '10 phút'],
    [45_000, '45 giây'],
    [44_001, '45 giây'],
    [0, '0 giây'],
    [-5, '0 giây'],
    [3_900_000, '1 giờ 5 phút'],
  ])('formatDuration(%p) = %p', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('formats instants in Vietnam time whatever the server time zone', () => {
    expect(formatInstant(Date.parse('2026-12-31T16:59:59Z'))).toBe('23:59 ngày 31/12/2026');
    expect(formatInstant(Date.parse('2026-11-01T00:00:00+07:00'))).toBe('00:00 ngày 01/11/2026');
  });

  it('draws ten-cell bars and lists letters', () => {
    expect(textBar(3, 5)).toBe('▓▓▓▓▓▓░░░░');
    expect(textBar(0, 0)).toBe('░░░░░░░░░░');
    expect(textBar(7, 7)).toBe('▓▓▓▓▓▓▓▓▓▓');
    expect(lettersOr(4)).toBe('A, B, C hoặc D');
    expect(lettersOr(2)).toBe('A hoặc B');
  });
});

describe('quiz texts', () => {
  it('are NFC, address anh/chị, and leave no placeholder', () => {
    const rest = Object.entries(quizTexts).filter(
      ([k]) => k !== 'unknownTopic' && k !== 'rejection',
    );
    const all: string[] = [quizTexts.unknownTopic('nấu ăn', ['An toàn thông tin', 'Chữ ký số'])];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') all.push(v);
      else if (typeof v === 'function') {
        all.push(String((v as (...a: unknown[]) => unknown)(1, 2, 3, 4, 5)));
      } else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(Object.fromEntries(rest));
    expect(all.length).toBeGreaterThan(60);
    for (const s of all) {
      expect(s).toBe(s.normalize('NFC'));
      expect(s).not.toMatch(/\bbạn\b|\{\w+\}|undefined|null/);
    }
    expect(quizTexts.rejection('not-in-directory')).toMatch(
      /^Anh\/chị chưa có trong danh sách cán bộ của hệ thống nên chưa thể dự thi; anh\/chị vẫn có thể luyện tập/,
    );
  });
});

describe('command lists', () => {
  it('name /ketqua in the help and in the reply to an unknown command', () => {
    expect(quizTexts.helpSection).toContain('/ketqua');
    expect(quizTexts.unknownCommand('/abc')).toContain('/ketqua');
  });
});
