import path from 'node:path';
import { ConversationState } from 'botbuilder';
import { Registry } from 'prom-client';
import { AssistantBot, createTurnErrorHandler } from '../../src/bot';
import type { Person, Unit } from '../../src/directory';
import { createLogger } from '../../src/logger';
import {
  createFileDownloads,
  createMetrics,
  createServer,
  ExportFiles,
  FileLinkSigner,
  type BotServer,
} from '../../src/server';
import {
  openSqliteDatabase,
  SqliteDirectoryRepository,
  SqliteFeedbackStore,
  SqliteStorage,
  type SqliteDatabase,
} from '../../src/storage';
import { LogCapture } from './bot-harness';
import { FakeAnswerer } from './fake-answerer';
import { FakeReportService, MemoryAuditLog, type FakeContest } from './fake-report-service';
import { makeTempDir } from './temp-dir';

/**
 * The organisation of the report tests:
 * CT (city) ─┬─ CT-SNV ─┬─ CT-SNV-VP
 *            │          └─ CT-SNV-TCCB
 *            └─ CT-STTTT ── CT-STTTT-VP
 */
export const UNITS: Unit[] = [
  { code: 'CT', name: 'UBND thành phố Cần Thơ' },
  { code: 'CT-SNV', name: 'Sở Nội vụ', parentCode: 'CT' },
  { code: 'CT-SNV-VP', name: 'Văn phòng Sở Nội vụ', parentCode: 'CT-SNV' },
  { code: 'CT-SNV-TCCB', name: 'Phòng Tổ chức cán bộ', parentCode: 'CT-SNV' },
  { code: 'CT-STTTT', name: 'Sở Thông tin và Truyền thông', parentCode: 'CT' },
  { code: 'CT-STTTT-VP', name: 'Văn phòng Sở TT&TT', parentCode: 'CT-STTTT' },
];

const person = (
  userId: string,
  unitCode: string,
  role: Person['role'],
  fullName: string,
): Person => ({
  userId,
  fullName,
  email: `${userId}@cantho.gov.vn`,
  unitCode,
  role,
});

export const PEOPLE: Person[] = [
  person('admin-1', 'CT', 'admin', 'Lê Văn Quản Trị'),
  person('mgr-snv', 'CT-SNV', 'manager', 'Phạm Thị Giám Đốc'),
  person('off-snv', 'CT-SNV-VP', 'official', 'Nguyễn Văn Chuyên Viên'),
  person('off-tccb', 'CT-SNV-TCCB', 'official', 'Đỗ Thị Tổ Chức'),
  person('mgr-tt', 'CT-STTTT', 'manager', 'Võ Văn Thông Tin'),
  person('off-tt', 'CT-STTTT-VP', 'official', 'Huỳnh Thị Truyền Thông'),
];

export const CONTESTS: FakeContest[] = [
  {
    id: 'thi-2025',
    title: 'Đánh giá năng lực CĐS 2025',
    passMark: 50,
    opensAt: Date.UTC(2025, 4, 1),
  },
  {
    id: 'thi-2026',
    title: 'Đánh giá năng lực CĐS 2026',
    passMark: 50,
    opensAt: Date.UTC(2026, 4, 1),
  },
];

export const FILE_SECRET = 'test-secret-that-is-long-enough-32+';
export const TTL_MS = 15 * 60_000;

export interface ReportApp {
  server: BotServer;
  url: string;
  db: SqliteDatabase;
  service: FakeReportService;
  audit: MemoryAuditLog;
  files: ExportFiles;
  signer: FileLinkSigner;
  logs: LogCapture;
  /** The injectable clock of links and downloads (epoch ms). */
  clock: { now: number };
  close(): Promise<void>;
}

/**
 * The real server, bot and download route over a real SQLite directory (a temp file seeded with
 * {@link UNITS} and {@link PEOPLE}), with the fake report service on that directory.
 */
export async function startReportApp(): Promise<ReportApp> {
  const tmp = makeTempDir('tro-ly-cds-reports-');
  const db = openSqliteDatabase({ file: path.join(tmp.dir, 'bot.sqlite') });
  const directory = new SqliteDirectoryRepository(db);
  await directory.replaceAll(UNITS, PEOPLE);
  const logs = new LogCapture();
  const logger = createLogger('debug', logs);
  const conversationState = new ConversationState(new SqliteStorage(db));
  const metrics = createMetrics(new Registry());
  const audit = new MemoryAuditLog();
  const service = new FakeReportService(directory, CONTESTS, audit);
  const clock = { now: Date.now() };
  const signer = new FileLinkSigner(FILE_SECRET);
  let baseUrl = '';
  const files = new ExportFiles({
    dir: path.join(tmp.dir, 'exports'),
    signer,
    ttlMs: TTL_MS,
    get publicBaseUrl() {
      return baseUrl;
    },
    clock: () => clock.now,
    logger,
  });
  const bot = new AssistantBot({
    answerer: new FakeAnswerer(),
    feedbackStore: new SqliteFeedbackStore(db),
    conversationState,
    metrics,
    logger,
    maxMessageChars: 2000,
    reports: { service, files, isContestId: service.isContestId },
  });
  const server = createServer({
    bot,
    onTurnError: createTurnErrorHandler({ logger, conversationState }),
    auth: { appType: 'MultiTenant', allowAnonymous: false },
    host: '127.0.0.1',
    port: 0,
    logger,
    metrics,
    isReady: () => true,
    mounts: [
      createFileDownloads({ files, signer, audit, directory, clock: () => clock.now, logger }),
    ],
  });
  await server.listen();
  baseUrl = server.url;
  return {
    server,
    url: server.url,
    db,
    service,
    audit,
    files,
    signer,
    logs,
    clock,
    close: async () => {
      await server.close();
      await files.stop();
      db.close();
      tmp.remove();
    },
  };
}
