export { createServer } from './create-server';
export type { BotServer, BotServerOptions, HttpMount, TurnHandler } from './create-server';
export { createMetrics } from './metrics';
export type { BotMetrics } from './metrics';
export { createBotAuthentication, isLoopbackHost, resolveAuthMode } from './bot-authentication';
export type { AuthMode, AuthSettings } from './bot-authentication';
export { parseActivity } from './activity-schema';
