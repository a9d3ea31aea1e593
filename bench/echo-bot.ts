/**
 * The baseline for `npm run bench`: a bot that echoes the text, on the same stack as the real
 * one (restify + CloudAdapter via `createServer`), so the benchmark measures what the assistant
 * adds over the framework's own ceiling.
 *
 * Run as a process: `node --import tsx bench/echo-bot.ts --port 3979 [--host 127.0.0.1]
 * [--log-level warn]`.
 */
import { ActivityHandler, type TurnContext } from 'botbuilder';
import { createLogger, type Logger } from '../src/logger';
import { createMetrics, createServer, type BotServer } from '../src/server';

/** Replies `Echo: <text>` to every message; ignores everything else. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

/** Starts the echo bot's server (anonymous, so on loopback only). */
export async function startEchoServer(options: {
  host: string;
  port: number;
  logger: Logger;
}): Promise<BotServer> {
  const server = createServer({
    bot: new EchoBot(),
    onTurnError: async (context: TurnContext, error: Error) => {
      options.logger.error({ err: error, activityId: context.activity.id }, 'echo turn failed');
    },
    auth: { appType: 'MultiTenant', allowAnonymous: false },
    host: options.host,
    port: options.port,
    logger: options.logger,
    metrics: createMetrics(),
    isReady: () => true,
  });
  await server.listen();
  return server;
}

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

if (require.main === module) {
  const logger = createLogger(argument('log-level', 'warn'));
  startEchoServer({
    host: argument('host', '127.0.0.1'),
    port: Number(argument('port', '3979')),
    logger,
  }).then(
    (server) => {
      const stop = () => void server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
