import path from 'node:path';
import ExcelJS from 'exceljs';
import { reportTexts } from '../../dialogs';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startApp, type App } from '../../src/main';
import { KyselyReportAuditLog, type ResultEvent } from '../../src/results';
import { openSqliteDatabase, SqliteDirectoryRepository } from '../../src/storage';
import { textsOf } from '../helpers/activities';
import { allText, ChatUser, ROOT, writeContest } from '../helpers/quiz-app';
import { PEOPLE, UNITS } from '../helpers/report-app';
import { makeTempDir } from '../helpers/temp-dir';

/*
 * End to end with the real composition root: the real report service, chart renderer and workbook
 * builder over a real SQLite directory and results database seeded through the real stores.
 */

const HOUR = 3_600_000;
const NOW = Date.now();
const tmp = makeTempDir('tro-ly-cds-reports-e2e-');
let app: App;

/** Every person of the directory below, with 4 officials per leaf unit. */
const officials = UNITS.filter((u) => u.code.split('-').length === 3).flatMap((u) =>
  [1, 2, 3, 4].map((i) => ({
    userId: `${u.code.toLowerCase()}-${i}`,
    fullName: `Cán bộ ${i} ${u.name}`,
    email: `${u.code.toLowerCase()}-${i}@cantho.gov.vn`,
    unitCode: u.code,
    role: 'official' as const,
  })),
);

function result(
  contestId: string,
  userId: string,
  unitCode: string,
  n: number,
  rights: boolean[],
): ResultEvent {
  const started = NOW - 2 * HOUR + n * 1000;
  const ids = ['attt-001', 'attt-002', 'cds-001'];
  const answers = ids.map((questionId, i) => ({
    questionId,
    chosen: 0,
    correct: rights[i]!,
    ms: 1000,
  }));
  const topic = (prefix: string) => {
    const own = answers.filter((a) => a.questionId.startsWith(prefix));
    return { correct: own.filter((a) => a.correct).length, total: own.length };
  };
  const correct = rights.filter(Boolean).length;
  const score = Math.round((100 * correct) / 3);
  return {
    schemaVersion: 1,
    attemptId: `${contestId}-${userId}`,
    contestId,
    mode: 'contest',
    userId,
    unitCode,
    startedAt: new Date(started).toISOString(),
    submittedAt: new Date(started + 90_000).toISOString(),
    durationMs: 90_000,
    score,
    correct,
    total: 3,
    passed: score >= 50,
    byTopic: { 'an-toan-thong-tin': topic('attt'), 'kien-thuc-chung-cds': topic('cds') },
    answers,
  };
}

beforeAll(async () => {
  const contestsDir = path.join(tmp.dir, 'contests');
  writeContest(contestsDir, {
    id: 'thi-truoc',
    opensAt: NOW - 48 * HOUR,
    closesAt: NOW - 24 * HOUR,
  });
  writeContest(contestsDir, { id: 'thi-2026', opensAt: NOW - 3 * HOUR, closesAt: NOW + 24 * HOUR });
  const config = loadConfig(
    {
      DATA_DIR: tmp.dir,
      CONTESTS_DIR: contestsDir,
      PORT: '0',
      HOST: '127.0.0.1',
      FILE_LINK_SECRET: 'e2e-secret-e2e-secret-e2e-secret-!',
    },
    ROOT,
  );
  app = await startApp(config, createLogger('silent'));
  await app.ready;
  const db = openSqliteDatabase({ file: path.join(tmp.dir, 'bot.sqlite') });
  try {
    await new SqliteDirectoryRepository(db).replaceAll(UNITS, [...PEOPLE, ...officials]);
  } finally {
    db.close();
  }
  // Half of the officials sat the current contest (the first in each unit got everything wrong);
  // everyone sat the previous one.
  let n = 0;
  for (const p of officials) {
    const i = Number(p.userId.at(-1));
    await app.results.results.save(
      result('thi-truoc', p.userId, p.unitCode, n++, [true, false, true]),
    );
    if (i <= 2) {
      const rights = i === 1 ? [false, false, false] : [true, true, i % 2 === 0];
      await app.results.results.save(result('thi-2026', p.userId, p.unitCode, n++, rights));
    }
  }
}, 60_000);

afterAll(async () => {
  await app?.close();
  tmp.remove();
});

const say = (userId: string, text: string) => new ChatUser(() => app.server.url, userId).say(text);

describe('reports end to end', () => {
  it('/baocao gives a card whose image link downloads a real PNG of the chart', async () => {
    const replies = await say('mgr-snv', '/baocao');
    const all = allText(replies);
    expect(all).toContain('Báo cáo kết quả — Sở Nội vụ');
    // 11 people in the subtree (the manager, 2 officials of the directory, 8 seeded); 4 took part.
    expect(all).toContain('4/11 người (36,4%)');
    expect(all).toContain('Văn phòng Sở Nội vụ');
    expect(all).not.toContain('Sở Thông tin và Truyền thông');
    const url = /"type":"Image","url":"([^"]+)"/.exec(all)?.[1];
    expect(url).toMatch(/^http:\/\/localhost:\d+\/files\/v1\./);
    const res = await fetch(url!.replace('localhost', '127.0.0.1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.readUInt32BE(16)).toBeGreaterThan(300); // IHDR width
  }, 30_000);

  it('/xuatexcel gives a link to an .xlsx that exceljs reads, with the five sheets', async () => {
    const replies = await say('admin-1', '/xuatexcel CT thi-2026');
    const url = /\((http:\/\/localhost:\d+\/files\/[^)]+)\)/.exec(textsOf(replies).join('\n'))?.[1];
    expect(url).toBeDefined();
    const res = await fetch(url!.replace('localhost', '127.0.0.1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo đơn vị',
      'Theo chủ đề',
      'Thí sinh',
      'Câu hỏi',
    ]);
    // A header row and the 6 people who sat the contest.
    expect(workbook.getWorksheet('Thí sinh')!.rowCount).toBe(1 + 6);
  }, 30_000);

  it('/chuathi lists the officials who did not sit the contest, from the directory', async () => {
    const [text] = textsOf(await say('mgr-tt', '/chuathi'));
    expect(text).toContain('Sở Thông tin và Truyền thông: 4/6 người chưa nộp bài.');
    expect(text).toContain('Cán bộ 3 Văn phòng Sở TT&TT');
    expect(text).not.toContain('Cán bộ 1 Văn phòng Sở TT&TT');
  });

  it('refusals come from the directory and every request is audited', async () => {
    expect(textsOf(await say('off-snv', '/baocao'))).toEqual([reportTexts.notAllowed]);
    // Beside and unknown: the same words.
    expect(textsOf(await say('mgr-snv', '/baocao CT-STTTT thi-2026'))).toEqual([
      reportTexts.unitNotVisible('CT-STTTT'),
    ]);
    expect(textsOf(await say('mgr-snv', '/baocao CT-KHONG-CO thi-2026'))).toEqual([
      reportTexts.unitNotVisible('CT-KHONG-CO'),
    ]);
    const recent = await new KyselyReportAuditLog(app.results.reportingDb).recent(3);
    expect(recent.map((r) => [r.userId, r.action, r.allowed])).toEqual([
      ['mgr-snv', 'baocao', false],
      ['mgr-snv', 'baocao', false],
      ['off-snv', 'baocao', false],
    ]);
  });

  it('/xephang ranks the manager subtree by the contest rule', async () => {
    const [text] = textsOf(await say('mgr-snv', '/xephang thi-2026'));
    expect(text).toContain('**Xếp hạng — Cuộc thi thử nghiệm qua HTTP**');
    expect(text).toMatch(/^1\. \*\*Cán bộ 2 /m);
  });
});
