import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorPost {
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for a channel's Bot Connector service (what the Emulator does): records every
 * POST the bot makes to `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]` and answers
 * with a resource id, as the real service does.
 */
export async function startChannelConnector(): Promise<{
  url: string;
  posts: ConnectorPost[];
  waitForPosts: (n: number, timeoutMs?: number) => Promise<ConnectorPost[]>;
  close: () => Promise<void>;
}> {
  const posts: ConnectorPost[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
      });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${posts.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    async waitForPosts(n, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (posts.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      return posts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
