import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import type { Logger } from '../logger';
import type { BullBoardRouter } from './bull-board-router';

/** Where the queue dashboard is served. */
export const ADMIN_QUEUES_PATH = '/admin/queues';

/** Options for {@link createAdminQueuesHandler}. */
export interface AdminQueuesOptions {
  /** The results queue; absent in the embedded mode (then the page says so, after auth). */
  queue?: Queue;
  /** HTTP basic auth user (ADMIN_USER). */
  user: string;
  /** HTTP basic auth password (ADMIN_PASSWORD); without one every request is refused. */
  password?: string;
  logger: Logger;
  /** Default `/admin/queues`. */
  basePath?: string;
}

/** A raw Node request handler for a path prefix (see `createServer`'s `mounts`). */
export type RawHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => void;

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

function writeJson(res: ServerResponse, status: number, body: object, headers = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const data = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
  });
  res.end(data);
}

/**
 * Bull Board for the results queue, behind HTTP basic auth, as a raw Node handler for every path
 * under `/admin/queues`:
 * - no password configured: 403 `admin_disabled` for every request (the dashboard can retry and
 *   delete jobs, so it is never open);
 * - wrong or missing credentials: 401 with `WWW-Authenticate: Basic`;
 * - embedded mode (no queue): 404 `no_queue`;
 * - otherwise Bull Board (an express app, given the request with the prefix stripped), loaded
 *   on the first such request: bot instances that never show it never load it.
 * Errors inside Bull Board end as 500 with the request id; credentials are never logged.
 */
export function createAdminQueuesHandler(options: AdminQueuesOptions): RawHandler {
  const log = options.logger.child({ component: 'admin-queues' });
  const basePath = options.basePath ?? ADMIN_QUEUES_PATH;
  const expected = options.password ? digest(`${options.user}:${options.password}`) : undefined;
  const { queue } = options;
  let board: BullBoardRouter | undefined;

  return (req, res, requestId) => {
    if (!expected) {
      req.resume();
      return writeJson(res, 403, {
        error: 'admin_disabled',
        message: 'The queue dashboard is disabled: set ADMIN_PASSWORD to enable it',
        requestId,
      });
    }
    if (!credentialsMatch(req.headers.authorization, expected)) {
      log.info({ requestId, hadCredentials: Boolean(req.headers.authorization) }, 'admin refused');
      req.resume();
      return writeJson(
        res,
        401,
        { error: 'unauthorized', message: 'Credentials required', requestId },
        { 'WWW-Authenticate': 'Basic realm="Tro ly CDS admin", charset="UTF-8"' },
      );
    }
    if (!queue) {
      req.resume();
      return writeJson(res, 404, {
        error: 'no_queue',
        message: 'No queue in the embedded mode: the dashboard needs REDIS_URL',
        requestId,
      });
    }
    const url = req.url ?? '/';
    req.url = url.slice(basePath.length) || '/';
    if (!req.url.startsWith('/')) req.url = `/${req.url}`;
    board ??= loadBullBoard(queue, basePath);
    board(req, res, (err?: unknown) => {
      if (err) {
        log.error({ err, requestId }, 'queue dashboard failed');
        return writeJson(res, 500, {
          error: 'internal_error',
          message: 'Internal server error',
          requestId,
        });
      }
      writeJson(res, 404, { error: 'not_found', message: `${url} does not exist`, requestId });
    });
  };
}

/**
 * Bull Board and express weigh about 4 MB of heap: loaded when the dashboard is first shown. A
 * plain `require`, not `import()`: under tsx's CommonJS hook (`npm run dev`, the tests' child
 * processes) `import()` goes through Node's ESM loader, which does not resolve `.ts` files.
 */
function loadBullBoard(queue: Queue, basePath: string): BullBoardRouter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const board = require('./bull-board-router') as typeof import('./bull-board-router');
  return board.createBullBoardRouter(queue, basePath);
}

function credentialsMatch(header: string | undefined, expected: Buffer): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const given = digest(Buffer.from(match[1]!, 'base64').toString('utf8'));
  return timingSafeEqual(given, expected);
}
