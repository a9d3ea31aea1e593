import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';

/** A connect-style handler: Bull Board's express router. */
export type BullBoardRouter = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/**
 * Bull Board (an express app) for `queue`, serving paths relative to `basePath`. No access
 * control: `createAdminQueuesHandler` puts it behind basic auth and imports this module only when
 * the dashboard is first shown, since Bull Board and express weigh about 4 MB of heap.
 */
export function createBullBoardRouter(queue: Queue, basePath: string): BullBoardRouter {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: [new BullMQAdapter(queue)],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Trợ lý CĐS' } },
  });
  return serverAdapter.getRouter() as BullBoardRouter;
}
