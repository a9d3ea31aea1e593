/**
 * `npm run bench`: throughput and latency of the Q&A bot against a bare echo bot on the same
 * restify + CloudAdapter stack, measured in the same run (in interleaved rounds: see
 * `interleavedLoad`); server memory; index build time for 10,000 synthetic sections. The Q&A
 * server is compiled and run as `npm start` runs it. Prints figures; exits non-zero only if a
 * server fails to start.
 *
 * Options: --duration SECONDS per server (10), --rounds N (5), --connections N (20), --log-level
 * LEVEL (warn), --cpu-prof DIR (the Q&A server writes a V8 CPU profile there).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openKnowledgeBase } from '../src/knowledge';
import { createLogger } from '../src/logger';
import {
  buildApp,
  type ChildServer,
  fmt,
  loadAverage,
  mark,
  interleavedLoad,
  type LoadRow,
  option,
  startNodeFlags,
  printLoadTable,
  spawnApp,
  spawnEchoBot,
  StartError,
  stop,
  waitReady,
} from './bench-support';
import { SYNTHETIC_SECTIONS, writeSyntheticKnowledge } from './synthetic-knowledge';

const WARMUP_SECONDS = 2;

/** Real questions officials ask, across the corpus; one does not match anything (not_found). */
const QUESTIONS = [
  'Chữ ký số có giá trị pháp lý như chữ ký tay không?',
  'Luật Giao dịch điện tử 2023 có hiệu lực từ ngày nào?',
  'Chữ ký số chuyên dùng công vụ do cơ quan nào cung cấp?',
  'Văn bản điện tử có giá trị pháp lý như văn bản giấy không?',
  'Thể thức văn bản hành chính gồm những thành phần nào?',
  'Cơ quan hành chính nào phải áp dụng ISO 9001:2015?',
  'Hệ thống thông tin được phân loại theo mấy cấp độ?',
  'Dữ liệu cá nhân nhạy cảm gồm những loại nào?',
  'Hồ sơ điện tử được lưu trữ trong thời hạn bao lâu?',
  'Bộ phận một cửa tiếp nhận hồ sơ thủ tục hành chính như thế nào?',
  'Mật khẩu thư điện tử công vụ cần đặt thế nào cho an toàn?',
  'Quy trình xử lý văn bản đến gồm những bước nào?',
  'Những hành vi nào bị nghiêm cấm trong giao dịch điện tử?',
  'Mục tiêu chuyển đổi số quốc gia đến năm 2025 là gì?',
  'Nghị quyết 57 về khoa học công nghệ và chuyển đổi số có nội dung gì?',
  'Làm thế nào để ký số văn bản trên hệ thống quản lý văn bản?',
  'chu ky so co gia tri phap ly khong',
  'Dịch vụ công trực tuyến toàn trình là gì?',
  'Khi bị tấn công mạng cơ quan nhà nước phải báo cáo ai?',
  'Giá xăng hôm nay bao nhiêu?',
];

const DURATION = Number(option('duration', '10'));
const CONNECTIONS = Number(option('connections', '20'));
const ROUNDS = Number(option('rounds', '5'));
const LOG_LEVEL = option('log-level', 'warn');

function activity(n: number): string {
  return JSON.stringify({
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'webchat',
    conversation: { id: `bench-conv-${n % 200}` },
    from: { id: `bench-user-${n % 200}`, name: 'Cán bộ' },
    recipient: { id: 'bot', name: 'Trợ lý CĐS' },
    deliveryMode: 'expectReplies',
    text: QUESTIONS[n % QUESTIONS.length],
  });
}

/** One expectReplies exchange; the reply text. */
async function askOnce(url: string, n: number): Promise<string> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: activity(n),
  });
  const body = (await res.json()) as { activities?: { text?: string }[] };
  return body.activities?.[0]?.text ?? `(HTTP ${res.status})`;
}

/** Request bodies for one server: the questions in turn, each a new activity. */
function questions(): () => string {
  let n = 0;
  return () => activity(n++);
}

/**
 * Index build time at 10,000 sections: writes synthetic documents (real sentences from the corpus,
 * shuffled) as Markdown into a temporary knowledge directory and opens it through the public
 * `openKnowledgeBase`, without a cache. The time includes reading and parsing the files.
 */
async function indexBuildBench(): Promise<{ ms: number; sections: number; tokens: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tro-ly-cds-bench-kb-'));
  try {
    await writeSyntheticKnowledge(dir);
    const started = performance.now();
    const kb = await openKnowledgeBase({
      knowledgeDir: dir,
      logger: createLogger('silent'),
      minScore: 0.5,
      maxCitations: 3,
    });
    return {
      ms: performance.now() - started,
      sections: kb.stats.sections,
      tokens: kb.stats.tokens,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  console.log(
    `Trợ lý CĐS benchmark — Node ${process.version}, ${os.cpus().length} CPUs, ` +
      `${CONNECTIONS} connections × ${DURATION} s, expectReplies, ${QUESTIONS.length} questions, ` +
      `server log level ${LOG_LEVEL}, node ${startNodeFlags().join(' ')}; load average ${loadAverage()}\n`,
  );

  process.stdout.write(`Index build, ${fmt(SYNTHETIC_SECTIONS)} synthetic sections… `);
  const index = await indexBuildBench();
  console.log(
    `${fmt(index.ms / 1000, 2)} s (${fmt(index.sections)} sections, ${fmt(index.tokens)} tokens)\n`,
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tro-ly-cds-bench-'));
  let echo: ChildServer | undefined;
  let qa: ChildServer | undefined;
  try {
    process.stdout.write('Building (tsc -p tsconfig.build.json)… ');
    buildApp();
    console.log('done');
    echo = await spawnEchoBot(LOG_LEVEL);
    qa = await spawnApp('Q&A bot', { DATA_DIR: dataDir, LOG_LEVEL });
    await Promise.all([waitReady(echo), waitReady(qa)]);

    const echoReply = await askOnce(echo.url, 0);
    const qaReply = await askOnce(qa.url, 0);
    if (!echoReply.startsWith('Echo:')) throw new StartError(`echo bot replied: ${echoReply}`);
    if (!qaReply.includes('[1]')) throw new StartError(`Q&A bot did not cite: ${qaReply}`);

    process.stdout.write(`Loading both servers (${ROUNDS} interleaved rounds)… `);
    const rows = await interleavedLoad(
      [
        { name: echo.name, url: echo.url, body: questions() },
        { name: qa.name, url: qa.url, body: questions() },
      ],
      {
        connections: CONNECTIONS,
        seconds: DURATION,
        rounds: ROUNDS,
        warmupSeconds: WARMUP_SECONDS,
      },
    );
    console.log('done');
    console.log('');
    printLoadTable(rows);
    const [e, q] = rows as [LoadRow, LoadRow];
    const ratio = q.reqPerSec / e.reqPerSec;
    console.log('');
    console.log(`Q&A / echo throughput: ${fmt(ratio, 2)}  (target ≥ 0.6) ${mark(ratio >= 0.6)}`);
    console.log(
      `Q&A / echo, by server CPU per request: ${fmt(e.cpuMsPerRequest / q.cpuMsPerRequest, 2)} ` +
        '(the same comparison, less sensitive to other load on the machine)',
    );
    console.log(`Q&A p99 latency: ${fmt(q.p99, 1)} ms  (target < 100 ms) ${mark(q.p99 < 100)}`);
    console.log(`Q&A server RSS: ${fmt(q.rss)} MB  (target < 300 MB) ${mark(q.rss < 300)}`);
    console.log(
      `Index build, ${fmt(index.sections)} synthetic sections (Markdown files → index, no cache): ${fmt(index.ms / 1000, 2)} s`,
    );
    console.log(`Load average at the end: ${loadAverage()}`);
    return 0;
  } catch (err) {
    if (err instanceof StartError) {
      console.error(`\nA server failed to start: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await Promise.all([stop(echo), stop(qa)]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
