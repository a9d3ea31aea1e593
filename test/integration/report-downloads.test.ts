import fs from 'node:fs';
import path from 'node:path';
import { textsOf } from '../helpers/activities';
import { allText, ChatUser } from '../helpers/quiz-app';
import { TINY_PNG } from '../helpers/fake-report-service';
import { startReportApp, TTL_MS, type ReportApp } from '../helpers/report-app';

/*
 * `GET /files/:token` over real HTTP: links issued by `/baocao` and `/xuatexcel`, then valid,
 * tampered, expired, reused after expiry, malformed and removed.
 */

let app: ReportApp;
beforeAll(async () => {
  app = await startReportApp();
});
afterAll(() => app.close());
beforeEach(() => {
  app.clock.now = Date.now();
  app.audit.failing = false;
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function exportLink(userId = 'mgr-snv', unit = 'CT-SNV-VP'): Promise<string> {
  const replies = await new ChatUser(() => app.url, userId).say(`/xuatexcel ${unit}`);
  const match = /\((http:\/\/127\.0\.0\.1:\d+\/files\/[^)]+)\)/.exec(textsOf(replies).join('\n'));
  if (!match) throw new Error(`no link in ${allText(replies)}`);
  return match[1]!;
}

async function chartLink(): Promise<string> {
  const replies = await new ChatUser(() => app.url, 'mgr-snv').say('/baocao');
  const match = /"url":"(http:\/\/127\.0\.0\.1:\d+\/files\/[^"]+)"/.exec(allText(replies));
  if (!match) throw new Error('no chart link');
  return match[1]!;
}

const tokenOf = (link: string): string => link.slice(link.lastIndexOf('/') + 1);

describe('GET /files/:token', () => {
  it('a valid export link downloads the workbook with its type and UTF-8 name, and is audited', async () => {
    const link = await exportLink();
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="bao-cao-CT-SNV-VP-thi-2026.xlsx"; filename*=UTF-8''bao-cao-CT-SNV-VP-thi-2026.xlsx`,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(app.service.xlsx);
    expect(app.audit.entries.at(-1)).toMatchObject({
      userId: 'mgr-snv',
      role: 'manager',
      action: 'download',
      unitCode: 'CT-SNV-VP',
      contestId: 'thi-2026',
      allowed: true,
      detail: 'bao-cao-CT-SNV-VP-thi-2026.xlsx',
    });
  });

  it('the chart link serves the PNG inline', async () => {
    const res = await fetch(await chartLink());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(
      /^inline; filename="bieu-do-CT-SNV-thi-2026\.png"/,
    );
    expect(Buffer.from(await res.arrayBuffer())).toEqual(TINY_PNG);
  });

  it('a link works more than once before it expires', async () => {
    const link = await exportLink();
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(link)).status).toBe(200);
  });

  it('a tampered token is 403: claims, signature, or a claim swapped from another link', async () => {
    const link = await exportLink();
    const [v, body, sig] = tokenOf(link).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const forgedBody = Buffer.from(
      JSON.stringify({ ...claims, e: Date.now() + 10 * TTL_MS }),
    ).toString('base64url');
    const flipped = `${sig.slice(0, -2)}${sig.at(-2) === 'A' ? 'B' : 'A'}${sig.at(-1)}`;
    const other = tokenOf(await exportLink('admin-1', 'CT'));
    const base = link.slice(0, link.lastIndexOf('/') + 1);
    for (const token of [
      `${v}.${forgedBody}.${sig}`,
      `${v}.${body}.${flipped}`,
      `${v}.${other.split('.')[1]}.${sig}`,
      `${v}.${body}.${other.split('.')[2]}`,
    ]) {
      const res = await fetch(base + token);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden' });
    }
  });

  it('an expired link is 403, also when reused after expiry, and the attempt is audited', async () => {
    const link = await exportLink();
    expect((await fetch(link)).status).toBe(200);
    app.clock.now += TTL_MS;
    expect((await fetch(link)).status).toBe(403);
    app.clock.now += 60 * 60_000;
    expect((await fetch(link)).status).toBe(403);
    expect(app.audit.entries.at(-1)).toMatchObject({
      userId: 'mgr-snv',
      action: 'download',
      allowed: false,
      detail: 'expired: bao-cao-CT-SNV-VP-thi-2026.xlsx',
    });
  });

  it('one millisecond before expiry the link still works', async () => {
    const link = await exportLink();
    app.clock.now += TTL_MS - 1;
    expect((await fetch(link)).status).toBe(200);
  });

  it.each([
    '',
    'abc',
    'v1.',
    'v1..',
    'v2.eyJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'v1.eyJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    `v1.${'A'.repeat(5000)}.${'A'.repeat(43)}`,
    '%00%ff%fe',
    '..%2F..%2Fetc%2Fpasswd',
    'v1.a.b/extra',
  ])('a malformed token %p is 403', async (token) => {
    const res = await fetch(`${app.url}/files/${token}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('a signed link to a file that was removed is 404', async () => {
    const link = await exportLink();
    for (const name of fs.readdirSync(app.files.dir)) fs.rmSync(path.join(app.files.dir, name));
    const res = await fetch(link);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('the sweep deletes expired files only', async () => {
    await exportLink();
    const before = fs.readdirSync(app.files.dir).length;
    expect(await app.files.sweep()).toBe(0);
    app.clock.now += TTL_MS;
    expect(await app.files.sweep()).toBe(before);
    expect(fs.readdirSync(app.files.dir)).toEqual([]);
  });

  it('a link of someone who is no longer a manager is refused', async () => {
    const token = app.signer.sign({
      fileId: `${app.clock.now + TTL_MS}-${'a'.repeat(32)}.xlsx`,
      contentType: XLSX,
      downloadName: 'x.xlsx',
      expiresAt: app.clock.now + TTL_MS,
      userId: 'off-snv',
    });
    expect((await fetch(`${app.url}/files/${token}`)).status).toBe(403);
    expect(app.audit.entries.at(-1)).toMatchObject({ userId: 'off-snv', allowed: false });
  });

  it('nothing is served when the audit log cannot record the download', async () => {
    const link = await exportLink();
    app.audit.failing = true;
    const res = await fetch(link);
    expect(res.status).toBe(503);
    app.audit.failing = false;
    expect((await fetch(link)).status).toBe(200);
  });

  it('other methods are 405 and nothing else under /files leaks', async () => {
    const link = await exportLink();
    expect((await fetch(link, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(`${app.url}/files`)).status).toBe(403);
    expect((await fetch(`${app.url}/files/`)).status).toBe(403);
  });

  it('a UTF-8 download name is sent RFC 6266-encoded', async () => {
    const expiresAt = app.clock.now + TTL_MS;
    const fileId = `${expiresAt}-${'b'.repeat(32)}.xlsx`;
    fs.writeFileSync(path.join(app.files.dir, fileId), 'x');
    const token = app.signer.sign({
      fileId,
      contentType: XLSX,
      downloadName: 'Báo cáo Sở Nội vụ "2026".xlsx',
      expiresAt,
      userId: 'admin-1',
    });
    const res = await fetch(`${app.url}/files/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Bao cao So Noi vu _2026_.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20S%E1%BB%9F%20N%E1%BB%99i%20v%E1%BB%A5%20%222026%22.xlsx`,
    );
  });
});
