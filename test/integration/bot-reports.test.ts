import { reportTexts } from '../../dialogs';
import { textsOf, type ReplyActivity } from '../helpers/activities';
import { allText, ChatUser } from '../helpers/quiz-app';
import { startReportApp, type ReportApp } from '../helpers/report-app';

/*
 * The managers' report commands over real HTTP (expectReplies), on a real SQLite directory, with a
 * fake report service that applies the real access rules (`canSeeUnit`).
 */

let app: ReportApp;
beforeAll(async () => {
  app = await startReportApp();
});
afterAll(() => app.close());
beforeEach(() => {
  app.service.calls.length = 0;
  app.service.failWith = undefined;
  app.service.notTakenPeople = undefined;
});

const user = (id: string, over: Record<string, unknown> = {}) =>
  new ChatUser(() => app.url, id, over);
const messages = (replies: ReplyActivity[]) => replies.filter((r) => r.type === 'message');

type Role = 'official' | 'manager' | 'admin' | 'stranger';
type Place = 'inside' | 'beside' | 'above' | 'unknown';

/** The asker of each role, and a unit inside, beside and above his subtree (or his own unit). */
const ASKERS: Record<Role, { userId: string; units: Record<Place, string> }> = {
  manager: {
    userId: 'mgr-snv',
    units: { inside: 'CT-SNV-VP', beside: 'CT-STTTT', above: 'CT', unknown: 'CT-KHONG-CO' },
  },
  admin: {
    userId: 'admin-1',
    // An admin's subtree is the whole city: "beside" and "above" are other branches of it.
    units: { inside: 'CT-SNV', beside: 'CT-STTTT-VP', above: 'CT', unknown: 'CT-KHONG-CO' },
  },
  official: {
    userId: 'off-snv',
    units: { inside: 'CT-SNV-VP', beside: 'CT-STTTT', above: 'CT-SNV', unknown: 'CT-KHONG-CO' },
  },
  stranger: {
    userId: 'nguoi-la',
    units: { inside: 'CT-SNV', beside: 'CT-STTTT', above: 'CT', unknown: 'CT-KHONG-CO' },
  },
};

const ALLOWED: Record<Role, Record<Place, boolean>> = {
  manager: { inside: true, beside: false, above: false, unknown: false },
  admin: { inside: true, beside: true, above: true, unknown: false },
  official: { inside: false, beside: false, above: false, unknown: false },
  stranger: { inside: false, beside: false, above: false, unknown: false },
};

const COMMANDS = ['/baocao', '/chuathi', '/xuatexcel'] as const;

/** What an allowed reply of each command contains. */
function expectAllowed(command: (typeof COMMANDS)[number], replies: ReplyActivity[], unit: string) {
  const all = allText(replies);
  switch (command) {
    case '/baocao':
      expect(all).toContain('application/vnd.microsoft.card.adaptive');
      expect(all).toContain(`Đơn vị ${unit}`);
      expect(all).toMatch(/"type":"Image","url":"http:\/\/127\.0\.0\.1:\d+\/files\/v1\./);
      break;
    case '/chuathi':
      expect(textsOf(replies).join('\n')).toContain('Chưa thi — Đánh giá năng lực CĐS 2026');
      break;
    case '/xuatexcel':
      expect(textsOf(replies).join('\n')).toMatch(/\/files\/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\)/);
      break;
  }
}

describe('access matrix over HTTP', () => {
  const cases = (Object.keys(ASKERS) as Role[]).flatMap((role) =>
    (['inside', 'beside', 'above', 'unknown'] as Place[]).flatMap((place) =>
      COMMANDS.map((command) => ({ role, place, command })),
    ),
  );

  it.each(cases)('$role asks $command for a unit $place', async ({ role, place, command }) => {
    const asker = ASKERS[role];
    const unit = asker.units[place];
    const replies = await user(asker.userId).say(`${command} ${unit} thi-2026`);
    const texts = textsOf(messages(replies));
    if (ALLOWED[role][place]) {
      expectAllowed(command, replies, unit);
    } else if (role === 'official' || role === 'stranger') {
      expect(texts).toEqual([reportTexts.notAllowed]);
    } else {
      // Beside, above and unknown get the very same words, naming only the code typed.
      expect(texts).toEqual([reportTexts.unitNotVisible(unit)]);
    }
    expect(app.service.calls).toHaveLength(1);
    expect(app.service.calls[0]!.asker).toEqual({ userId: asker.userId });
    expect(app.service.calls[0]!.target).toEqual({ unitCode: unit, contestId: 'thi-2026' });
  });

  it.each([
    ['manager', 'mgr-snv', true],
    ['admin', 'admin-1', true],
    ['official', 'off-snv', false],
    ['stranger', 'nguoi-la', false],
  ] as const)('%s asks /xephang', async (_role, userId, allowed) => {
    const replies = await user(userId).say('/xephang thi-2026');
    const texts = textsOf(replies);
    if (allowed) {
      expect(texts[0]).toContain('**Xếp hạng — Đánh giá năng lực CĐS 2026**');
      expect(texts[0]).toContain('1. **Trần Thị Bình**');
      expect(texts[0]).toContain('90 điểm — 2 phút 5 giây — dự đoán 1.200 (lệch 34)');
    } else {
      expect(texts).toEqual([reportTexts.notAllowed]);
    }
    expect(app.service.calls).toEqual([
      { method: 'ranking', asker: { userId }, target: { contestId: 'thi-2026', limit: 20 } },
    ]);
  });

  it('denials are audited by the service with the directory role, never a claimed one', async () => {
    const before = app.audit.entries.length;
    await user('off-snv', { from: { id: 'off-snv', name: 'admin-1', role: 'admin' } }).say(
      '/baocao CT',
    );
    const entry = app.audit.entries.at(-1)!;
    expect(app.audit.entries).toHaveLength(before + 1);
    expect(entry).toMatchObject({ userId: 'off-snv', role: 'official', allowed: false });
  });

  it('the Teams aadObjectId, not the display name, is the asker', async () => {
    const replies = await user('29:teams-id', {
      from: { id: '29:teams-id', aadObjectId: 'mgr-snv', name: 'Quản trị viên' },
    }).say('/baocao');
    expect(allText(replies)).toContain('Đơn vị CT-SNV');
    expect(app.service.calls[0]!.asker).toEqual({ userId: 'mgr-snv' });
  });
});

describe('forged card payloads', () => {
  it.each([
    { type: 'report-export', unitCode: 'CT', userId: 'admin-1', role: 'admin' },
    { type: 'report-summary', unitCode: 'CT-STTTT', asUser: 'mgr-tt', role: 'admin' },
    { type: 'report-not-taken', unitCode: 'CT', from: { id: 'admin-1' } },
  ])('a manager cannot widen his access with %j', async (payload) => {
    const replies = await user('mgr-snv').click(payload);
    expect(textsOf(replies)).toEqual([reportTexts.unitNotVisible(payload.unitCode)]);
    expect(app.service.calls).toHaveLength(1);
    expect(app.service.calls[0]!.asker).toEqual({ userId: 'mgr-snv' });
    expect(app.service.calls[0]!.target).toEqual({ unitCode: payload.unitCode });
  });

  it('an official clicking a forged admin export is refused and pointed to /ketqua', async () => {
    const replies = await user('off-snv').click({
      type: 'report-export',
      unitCode: 'CT-SNV-VP',
      contestId: 'thi-2026',
      role: 'admin',
      userId: 'admin-1',
    });
    expect(textsOf(replies)).toEqual([reportTexts.notAllowed]);
    expect(app.service.calls[0]!.asker).toEqual({ userId: 'off-snv' });
  });

  it.each([
    { type: 'report-export', unitCode: 'CT/../../etc' },
    { type: 'report-export', unitCode: 'x'.repeat(500) },
    { type: 'report-summary', contestId: 42 },
    { type: 'report-delete', unitCode: 'CT' },
    { type: 'report-summary', unitCode: '\u0000\u0001' },
  ])('a malformed payload %j is refused without calling the service', async (payload) => {
    const replies = await user('admin-1').click(payload);
    expect(textsOf(replies)).toEqual([reportTexts.invalidPayload]);
    expect(app.service.calls).toHaveLength(0);
  });

  it('the buttons under a summary carry only the unit and the contest, and work', async () => {
    const summary = await user('mgr-snv').say('/baocao CT-SNV-VP');
    const card = JSON.parse(allText(summary)) as unknown;
    const actions = findActions(card);
    expect(actions.map((a) => a.title)).toEqual(['Xuất Excel', 'Ai chưa thi']);
    expect(actions[0]!.data).toEqual({
      type: 'report-export',
      unitCode: 'CT-SNV-VP',
      contestId: 'thi-2026',
    });
    app.service.calls.length = 0;
    const exported = await user('mgr-snv').click(actions[0]!.data);
    expect(textsOf(exported).join('\n')).toContain('Báo cáo Excel — Đơn vị CT-SNV-VP');
    expect(app.service.calls[0]).toEqual({
      method: 'exportWorkbook',
      asker: { userId: 'mgr-snv' },
      target: { unitCode: 'CT-SNV-VP', contestId: 'thi-2026' },
    });
  });
});

function findActions(node: unknown): { title: string; data: Record<string, unknown> }[] {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (typeof n === 'object' && n !== null) {
      const r = n as Record<string, unknown>;
      if (r.type === 'Action.Submit') found.push(r as never);
      Object.values(r).forEach(walk);
    }
  };
  walk(node);
  return found;
}

describe('transcripts', () => {
  const manager = () => user('mgr-snv');

  it.each([
    ['/baocao', {}],
    ['/BaoCao', {}],
    ['/báo cáo', {}],
    ['/báo cáo đơn vị CT-SNV-VP', { unitCode: 'CT-SNV-VP' }],
    ['báo cáo đơn vị', {}],
    ['Bao cao don vi', {}],
    ['thống kê', {}],
    ['thong ke.', {}],
    ['/baocao thi-2025', { contestId: 'thi-2025' }],
    ['/baocao CT-SNV thi-2025', { unitCode: 'CT-SNV', contestId: 'thi-2025' }],
    ['/baocao thi-2025 CT-SNV', { unitCode: 'CT-SNV', contestId: 'thi-2025' }],
    // Contest ids in any case, as `/thi` takes them; unit codes as typed.
    ['/baocao THI-2025', { contestId: 'thi-2025' }],
    ['/baocao Thi-2025 CT-SNV', { unitCode: 'CT-SNV', contestId: 'thi-2025' }],
    ['/baocao CT-SNV THI-2025', { unitCode: 'CT-SNV', contestId: 'thi-2025' }],
  ])('%s asks for a summary of %j', async (text, target) => {
    const replies = await manager().say(text);
    expect(allText(replies)).toContain('Báo cáo kết quả');
    expect(app.service.calls).toEqual([
      { method: 'summary', asker: { userId: 'mgr-snv' }, target },
    ]);
  });

  it.each([
    ['ai chưa thi', 'notTaken'],
    ['Ai chua thi?', 'notTaken'],
    ['/chuathi', 'notTaken'],
    ['xuất excel', 'exportWorkbook'],
    ['/xuat excel', 'exportWorkbook'],
    ['xếp hạng', 'ranking'],
    ['bảng xếp hạng', 'ranking'],
  ])('%s → %s', async (text, method) => {
    await manager().say(text);
    expect(app.service.calls.map((c) => c.method)).toEqual([method]);
  });

  it('a question that merely starts with report words is answered as a question', async () => {
    const replies = await manager().say('báo cáo đơn vị về chuyển đổi số gồm những nội dung gì?');
    expect(app.service.calls).toHaveLength(0);
    expect(textsOf(replies).join('\n')).not.toContain('Báo cáo kết quả');
  });

  it('the summary card shows figures, topics, sub-units weakest first, questions and the trend', async () => {
    const replies = await manager().say('/baocao');
    const all = allText(replies);
    for (const part of [
      'Tham gia',
      '8/10 người (80%)',
      '9 lượt của 8 người',
      '72,5 / 75',
      'Tỷ lệ đạt (≥ 50 điểm)',
      '12,5%',
      '5 phút 1 giây',
      'An toàn thông tin: 61,5 điểm',
      'Mật khẩu mạnh gồm những gì? — độ dễ 25%, độ phân biệt 41,2%',
      'So với cuộc thi trước (Cuộc thi trước)',
      'Điểm TB +2,3 điểm · tỷ lệ đạt −5 điểm % · tỷ lệ tham gia +10 điểm %',
    ]) {
      expect(all).toContain(part);
    }
    expect(all.indexOf('Phòng yếu nhất')).toBeLessThan(all.indexOf('(cán bộ trực thuộc)'));
  });

  it('a channel without Adaptive Cards gets the summary as text with a chart link and commands', async () => {
    const replies = await user('mgr-snv', { channelId: 'telegram' }).say('/baocao');
    const [text] = textsOf(replies);
    expect(replies[0]!.attachments ?? []).toHaveLength(0);
    expect(text).toContain('**Báo cáo kết quả — Đơn vị CT-SNV**');
    expect(text).toMatch(/\[Xem biểu đồ\]\(http:\/\/127\.0\.0\.1:\d+\/files\/v1\.[^)]+\)/);
    expect(text).toContain('**/xuatexcel CT-SNV thi-2026**');
    expect(text).toContain('**/chuathi CT-SNV thi-2026**');
  });

  it('/chuathi lists at most 50 people, counts the rest and hints at the export', async () => {
    const replies = await user('admin-1').say('/chuathi');
    const [text] = textsOf(replies);
    expect(text).toContain('UBND thành phố Cần Thơ: 6/6 người chưa nộp bài.');
    expect(text).toContain('1. Lê Văn Quản Trị — UBND thành phố Cần Thơ');
    expect(text).toContain('**/xuatexcel CT thi-2026**');
    expect(text).not.toContain('người khác');
  });

  it('/chuathi with everyone done says so', async () => {
    app.service.notTakenPeople = 0;
    const [text] = textsOf(await manager().say('/chuathi'));
    expect(text).toBe('**Đánh giá năng lực CĐS 2026** — Sở Nội vụ: cả 3 người đều đã nộp bài. 👏');
  });

  it('an official typing /baocao is told to use /ketqua', async () => {
    const replies = await user('off-snv').say('/baocao');
    expect(textsOf(replies)).toEqual([reportTexts.notAllowed]);
    expect(reportTexts.notAllowed).toContain('/ketqua');
  });

  it('a single code that is neither a contest nor a visible unit gets the denial and a hint', async () => {
    const replies = await manager().say('/baocao THI-1999');
    expect(textsOf(replies)).toEqual([
      `${reportTexts.unitNotVisible('THI-1999')}\n\n${reportTexts.codeHint}`,
    ]);
  });

  it.each([
    ['/baocao CT thi-2026 thêm', 'summary', 'too-many'],
    ['/xephang thi-2026 CT', 'ranking', 'too-many'],
    ['/baocao <script>', 'summary', 'bad'],
    ['/chuathi ../../etc/passwd', 'not-taken', 'bad'],
    [`/xuatexcel ${'A'.repeat(65)}`, 'export', 'bad'],
  ] as const)('%s is refused with the usage', async (text, kind, problem) => {
    const replies = await manager().say(text);
    const command = reportTexts.commandName[kind];
    const usage = reportTexts.usage[kind];
    expect(textsOf(replies)).toEqual([
      problem === 'too-many'
        ? reportTexts.tooManyArgs(command, usage)
        : reportTexts.badArg(command, usage),
    ]);
    expect(app.service.calls).toHaveLength(0);
  });

  it('/xephang takes the contest id in any case', async () => {
    await manager().say('/xephang THI-2026');
    expect(app.service.calls).toEqual([
      {
        method: 'ranking',
        asker: { userId: 'mgr-snv' },
        target: { contestId: 'thi-2026', limit: 20 },
      },
    ]);
  });

  it('/xephang with a unit code instead of a contest says it is no contest id', async () => {
    const replies = await manager().say('/xephang CT-SNV');
    expect(textsOf(replies)).toEqual([reportTexts.notAContest('CT-SNV')]);
    expect(app.service.calls).toHaveLength(0);
  });

  it('an unknown contest id is named back', async () => {
    const replies = await manager().say('/baocao CT-SNV thi-1999');
    expect(textsOf(replies)).toEqual([reportTexts.unknownContest('thi-1999')]);
  });

  it('a failing reporting store gets a polite reply and the chat goes on', async () => {
    app.service.failWith = new Error('database is locked');
    expect(textsOf(await manager().say('/baocao'))).toEqual([reportTexts.unavailable]);
    expect(textsOf(await manager().say('/xuatexcel'))).toEqual([reportTexts.unavailable]);
    app.service.failWith = undefined;
    expect(allText(await manager().say('/baocao'))).toContain('Báo cáo kết quả');
  });

  it('the help lists the report commands', async () => {
    const [text] = textsOf(await manager().say('trợ giúp'));
    expect(text).toContain('**/baocao** [mã đơn vị] [mã cuộc thi]');
    expect(text).toContain('**/xephang** [mã cuộc thi]');
  });
});
