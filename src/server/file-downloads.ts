import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DirectoryRepository } from '../directory';
import type { Logger } from '../logger';
import type { ReportAuditLog } from '../reports';
import type { HttpMount } from './create-server';
import { FILES_PATH, type ExportFiles } from './export-files';
import { LINK_CONTENT_TYPES, type FileLinkClaims, type FileLinkSigner } from './file-links';

/** Dependencies of {@link createFileDownloads}. */
export interface FileDownloadsOptions {
  files: Pick<ExportFiles, 'pathOf'>;
  signer: FileLinkSigner;
  /** Every download, served or refused for expiry, is recorded here first. */
  audit: Pick<ReportAuditLog, 'record'>;
  /** The person a link was issued to must still be a manager or an admin. */
  directory: Pick<DirectoryRepository, 'getPerson'>;
  /** Epoch ms; injectable for tests. Default `Date.now`. */
  clock?: () => number;
  logger: Logger;
}

function sendJson(
  res: ServerResponse,
  status: number,
  error: string,
  message: string,
  requestId: string,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const data = JSON.stringify({ error, message, requestId });
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
    'Cache-Control': 'no-store',
  });
  res.end(data);
}

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * `GET /files/:token` (and `HEAD`): streams a report file behind a signed link.
 * - 403 for a malformed, tampered or expired token (also one reused after expiry), and for a link
 *   whose person is no longer a manager or an admin in the directory;
 * - 404 when the file is gone (swept, deleted);
 * - 405 for other methods; 503 when the audit log cannot record the download (nothing is served
 *   unrecorded);
 * - 200 with the signed content type, `Content-Disposition` (inline for images, attachment for
 *   workbooks, UTF-8 file name) and `Cache-Control: private, no-store`.
 * Every answered download and every expired-link attempt is written to the audit log as `download`.
 */
export function createFileDownloads(options: FileDownloadsOptions): HttpMount {
  const log = options.logger.child({ component: 'file-downloads' });
  const clock = options.clock ?? Date.now;

  const audit = (claims: FileLinkClaims, role: string | null, allowed: boolean, note: string) =>
    options.audit.record({
      at: new Date(clock()).toISOString(),
      userId: claims.userId,
      role,
      action: 'download',
      unitCode: claims.unitCode ?? null,
      contestId: claims.contestId ?? null,
      allowed,
      detail: note,
    });

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const reqLog = log.child({ requestId });
    const deny = (reason: string) => {
      reqLog.info({ reason }, 'download refused');
      sendJson(res, 403, 'forbidden', 'This link is invalid or has expired', requestId);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, 'method_not_allowed', 'Use GET', requestId);
    }
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    const token = pathname.slice(FILES_PATH.length + 1);
    if (!pathname.startsWith(`${FILES_PATH}/`) || token.length === 0 || token.includes('/')) {
      return deny('malformed');
    }
    const check = options.signer.verify(token, clock());
    if (!check.ok) {
      if (check.claims) {
        const person = await options.directory.getPerson(check.claims.userId);
        await audit(
          check.claims,
          person?.role ?? null,
          false,
          `${check.reason}: ${check.claims.downloadName}`,
        );
      }
      return deny(check.reason);
    }
    const { claims } = check;
    const person = await options.directory.getPerson(claims.userId);
    if (!person || person.role === 'official') {
      await audit(claims, person?.role ?? null, false, `not-allowed: ${claims.downloadName}`);
      return deny('not-allowed');
    }
    const file = options.files.pathOf(claims.fileId);
    let size: number;
    try {
      if (!file) throw Object.assign(new Error('not an export file'), { code: 'ENOENT' });
      size = (await fs.promises.stat(file)).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      reqLog.info({ fileId: claims.fileId }, 'download of a missing file');
      return sendJson(res, 404, 'not_found', 'The file is no longer available', requestId);
    }
    await audit(claims, person.role, true, claims.downloadName);
    const kind = claims.contentType === LINK_CONTENT_TYPES.png ? 'inline' : 'attachment';
    const headers = {
      'Content-Type': claims.contentType,
      'Content-Length': size,
      'Content-Disposition': contentDisposition(kind, claims.downloadName),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (req.method === 'HEAD') {
      res.writeHead(200, headers);
      res.end();
      return;
    }
    const stream = fs.createReadStream(file!);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => {
        res.writeHead(200, headers);
        stream.pipe(res);
      });
      stream.once('error', reject);
      res.once('close', () => {
        stream.destroy();
        resolve();
      });
      stream.once('end', () => resolve());
    }).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return sendJson(res, 404, 'not_found', 'The file is no longer available', requestId);
      }
      throw err;
    });
    reqLog.info({ fileId: claims.fileId, userId: claims.userId, bytes: size }, 'file downloaded');
  }

  return {
    prefix: FILES_PATH,
    handle(req, res, requestId) {
      // The one catch-all of this route: the audit log or the disk failing is a 503 / 500.
      serve(req, res, requestId).catch((err: unknown) => {
        log.error({ err, requestId }, 'download failed');
        if (res.headersSent) res.destroy();
        else sendJson(res, 503, 'unavailable', 'The file cannot be served now', requestId);
      });
    },
  };
}
