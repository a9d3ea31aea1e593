import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationReference, TurnContext } from 'botbuilder';
import * as restify from 'restify';
import { TURN_LOGGER_KEY } from '../bot';
import type { Logger } from '../logger';
import { parseActivity } from './activity-schema';
import { createBotAuthentication, resolveAuthMode, type AuthSettings } from './bot-authentication';
import { readJsonBody } from './http-body';
import { HttpCloudAdapter } from './http-cloud-adapter';
import type { BotMetrics } from './metrics';

/** The bot run for each turn: an `ActivityHandler` or anything with its `run`. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

/**
 * A raw Node handler served for every path under `prefix` (e.g. `/admin/queues`), in front of
 * restify: it gets the untouched request and response (an express app can be one), and a request
 * id that is already set as the `x-request-id` header. It must answer every request itself.
 */
export interface HttpMount {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, requestId: string): void;
}

/** Dependencies and settings of {@link createServer}. */
export interface BotServerOptions {
  bot: TurnHandler;
  /** The adapter's `onTurnError`: the one catch-all per turn (see `createTurnErrorHandler`). */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  auth: AuthSettings;
  host: string;
  /** 0 picks a free port; read the bound one from `listen()` or `address`. */
  port: number;
  logger: Logger;
  metrics: BotMetrics;
  /** True once the server can answer questions (knowledge index loaded); drives `/readyz`. */
  isReady: () => boolean;
  /** Largest accepted request body; default 256 KB. */
  maxBodyBytes?: number;
  /** Raw handlers for path prefixes, served before restify's routes. */
  mounts?: readonly HttpMount[];
}

/** A started-or-startable bot server. */
export interface BotServer {
  /** Binds to host:port; resolves with the bound address. */
  listen(): Promise<AddressInfo>;
  /** Stops accepting connections and waits (briefly) for open ones to finish. */
  close(): Promise<void>;
  /** The bound address once listening. */
  readonly address: AddressInfo | undefined;
  /** `http://host:port` once listening. */
  readonly url: string;
  /**
   * Sends proactively into a stored conversation (e.g. the quiz deadline's "time is up" message):
   * runs `logic` in a turn built from `reference`, whose `sendActivity` posts to the reference's
   * `serviceUrl` with the bot's credentials (`MicrosoftAppId`, or none in anonymous mode). Rejects
   * when the channel refuses or cannot be reached; the caller decides whether to retry.
   */
  continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

const DEFAULT_MAX_BODY = 256 * 1024;
const CLOSE_GRACE_MS = 2000;
/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than the
 * idle time of the clients and proxies in front of the bot (Azure Bot Service, load balancers,
 * keep-alive agents usually 60 s or more): the server then closes a connection just as the client
 * reuses it, and that request fails with ECONNRESET. Staying open longer than the client means the
 * client closes first. Headers must still arrive within `headersTimeout`, which Node wants longer.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1000;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
  });
  res.end(data);
}

function requestIdFrom(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

const isUnder = (url: string, prefix: string): boolean =>
  url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);

/**
 * Serves `mounts` in front of restify: restify's own `request` listener is wrapped so that a
 * mounted path never reaches restify's router (whose req/res decorations another framework must
 * not share), while every other request goes to restify unchanged.
 */
function mountRawHandlers(server: restify.Server, mounts: readonly HttpMount[], log: Logger): void {
  if (mounts.length === 0) return;
  type Listener = (req: IncomingMessage, res: ServerResponse) => void;
  const restifyListeners = server.server.listeners('request') as Listener[];
  server.server.removeAllListeners('request');
  server.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const mount = mounts.find((m) => isUnder(req.url ?? '/', m.prefix));
    if (!mount) {
      for (const listener of restifyListeners) listener.call(server.server, req, res);
      return;
    }
    const id = requestIdFrom(req);
    res.setHeader('x-request-id', id);
    try {
      mount.handle(req, res, id);
    } catch (err) {
      log.error({ err, requestId: id }, 'request failed');
      writeJson(res, 500, {
        error: 'internal_error',
        message: 'Internal server error',
        requestId: id,
      });
    }
  });
}

/**
 * The bot's HTTP server (restify + botbuilder `CloudAdapter`):
 * - `POST /api/messages`: Bot Framework activities. Replies go to the activity's `serviceUrl`, or
 *   inline as `{ activities: [...] }` for `deliveryMode: "expectReplies"`. Bad input gets a status
 *   (400, 401, 413, 415) and `{ error, message, requestId }`; nothing bad reaches the bot.
 * - `GET /healthz` (process up), `GET /readyz` (503 until `isReady()`), `GET /metrics`.
 * - every path under a `mounts` prefix: that raw handler (e.g. `/admin/queues`).
 *
 * Throws `ConfigError` when authentication is not configured and `host` is not loopback (unless
 * `auth.allowAnonymous`). Every response carries an `x-request-id` header.
 */
export function createServer(options: BotServerOptions): BotServer {
  const log = options.logger.child({ component: 'server' });
  const authMode = resolveAuthMode(options.host, options.auth);
  const adapter = new HttpCloudAdapter(createBotAuthentication(options.auth));
  adapter.onTurnError = options.onTurnError;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const requestIds = new WeakMap<object, string>();
  const requestIdOf = (req: object): string => requestIds.get(req) ?? 'unknown';

  const server = restify.createServer({
    name: 'tro-ly-cds',
    log: options.logger.child({ component: 'restify' }) as never,
    handleUncaughtExceptions: false,
  });

  server.server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  mountRawHandlers(server, options.mounts ?? [], log);

  server.pre((req, res, next) => {
    const id = requestIdFrom(req);
    requestIds.set(req, id);
    res.setHeader('x-request-id', id);
    return next();
  });

  // Errors restify raises itself (unknown route, wrong method, a rejected handler) get the same
  // JSON shape as ours.
  server.on('restifyError', (req, _res, err, callback) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 500) log.error({ err, requestId: requestIdOf(req) }, 'request failed');
    err.toJSON = () => ({
      error: status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : 'error',
      message: status >= 500 ? 'Internal server error' : err.message,
      requestId: requestIdOf(req),
    });
    return callback();
  });

  server.get('/healthz', async (_req, res) => {
    writeJson(res, 200, { status: 'ok' });
  });

  server.get('/readyz', async (req, res) => {
    let ready = false;
    try {
      ready = options.isReady();
    } catch (err) {
      log.error({ err, requestId: requestIdOf(req) }, 'readiness check failed');
    }
    writeJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready' });
  });

  server.get('/metrics', async (req, res) => {
    try {
      const text = await options.metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': options.metrics.registry.contentType });
      res.end(text);
    } catch (err) {
      log.error({ err, requestId: requestIdOf(req) }, 'metrics failed');
      writeJson(res, 500, {
        error: 'internal_error',
        message: 'Metrics unavailable',
        requestId: requestIdOf(req),
      });
    }
  });

  server.post('/api/messages', async (req, res) => {
    const requestId = requestIdOf(req);
    // Bound only when something is logged before the turn starts: a pino child costs a
    // serialisation of its bindings, and the turn's own logger binds the request id anyway.
    let requestLog: Logger | undefined;
    const reqLog = (): Logger => (requestLog ??= log.child({ requestId }));
    const fail = (status: number, error: string, message: string) => {
      reqLog().info({ status, error }, 'request rejected');
      writeJson(res, status, { error, message, requestId });
    };
    const authHeader = req.headers.authorization ?? '';
    let turnStarted = false;
    try {
      if (authMode === 'authenticated' && authHeader.trim() === '') {
        req.resume();
        return fail(401, 'unauthorized', 'Missing Authorization header');
      }
      const body = await readJsonBody(req, maxBody);
      if (!body.ok) {
        if (body.status === 413) res.setHeader('Connection', 'close');
        return fail(body.status, body.error, body.message);
      }
      const parsed = parseActivity(body.value);
      if (!parsed.ok) return fail(400, 'invalid_activity', parsed.message);

      const activity = parsed.activity;
      const turnLog = log.child({
        requestId,
        conversationId: activity.conversation.id,
        activityId: activity.id,
        activityType: activity.type,
        channelId: activity.channelId,
      });
      turnLog.debug({ text: activity.text }, 'activity received');
      const started = performance.now();
      const result = await adapter.processParsedActivity(authHeader, activity, async (context) => {
        turnStarted = true;
        context.turnState.set(TURN_LOGGER_KEY, turnLog);
        await options.bot.run(context);
      });
      const seconds = (performance.now() - started) / 1000;
      options.metrics.recordTurn(activity.type, seconds);
      const status = result?.status ?? 200;
      turnLog.info({ status, ms: Math.round(seconds * 1000) }, 'turn processed');
      if (result?.body !== undefined) {
        writeJson(res, status, result.body);
      } else {
        res.writeHead(status);
        res.end();
      }
    } catch (err) {
      const statusCode = (err as { statusCode?: unknown }).statusCode;
      if (statusCode === 401 || statusCode === 403) {
        reqLog().warn({ reason: (err as Error).message }, 'authentication failed');
        return fail(statusCode, 'unauthorized', 'Request is not authorized');
      }
      if (!turnStarted && authMode === 'authenticated') {
        // Token validation needs the identity provider's keys; failing to fetch them is an outage
        // on our side, not a bad request.
        reqLog().error({ err }, 'could not validate the request token');
        return fail(
          503,
          'auth_unavailable',
          'Could not validate the request token; try again later',
        );
      }
      reqLog().error({ err }, 'request failed');
      writeJson(res, 500, { error: 'internal_error', message: 'Internal server error', requestId });
    }
  });

  let address: AddressInfo | undefined;
  let listening = false;

  return {
    get address() {
      return address;
    },
    async continueConversation(reference, logic) {
      // A failure inside the turn would otherwise reach onTurnError, which clears the person's
      // conversation state and swallows the error: keep it for the caller instead.
      let failed: { error: unknown } | undefined;
      await adapter.continueConversationAsync(options.auth.appId ?? '', reference, async (ctx) => {
        try {
          await logic(ctx);
        } catch (error) {
          failed = { error };
        }
      });
      if (failed) throw failed.error;
    },
    get url() {
      if (!address) return '';
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}`;
    },
    listen() {
      return new Promise<AddressInfo>((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        server.server.once('error', onError);
        server.listen(options.port, options.host, () => {
          server.server.off('error', onError);
          listening = true;
          address = server.address() as AddressInfo;
          if (authMode === 'anonymous') {
            log.warn(
              { host: options.host, allowAnonymous: options.auth.allowAnonymous },
              'Bot Framework authentication is OFF (no MicrosoftAppId): any caller that can reach ' +
                'this address can talk to the bot',
            );
          }
          log.info({ address: address.address, port: address.port, authMode }, 'server listening');
          resolve(address);
        });
      });
    },
    close() {
      if (!listening) return Promise.resolve();
      listening = false;
      return new Promise<void>((resolve) => {
        const force = setTimeout(() => server.server.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          log.info('server closed');
          resolve();
        });
        server.server.closeIdleConnections();
      });
    },
  };
}
