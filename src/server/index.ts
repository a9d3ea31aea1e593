export { createServer } from './create-server';
export type { BotServer, BotServerOptions, HttpMount, TurnHandler } from './create-server';
export { createMetrics } from './metrics';
export type { BotMetrics } from './metrics';
export { createBotAuthentication, isLoopbackHost, resolveAuthMode } from './bot-authentication';
export type { AuthMode, AuthSettings } from './bot-authentication';
export { parseActivity } from './activity-schema';
export { FileLinkSigner, FILE_ID, LINK_CONTENT_TYPES } from './file-links';
export type {
  FileLinkCheck,
  FileLinkClaims,
  FileLinkRejection,
  LinkContentType,
} from './file-links';
export { ExportFiles, FILES_PATH } from './export-files';
export type { ExportFilesOptions, PublishedLink, PublishRequest } from './export-files';
export { contentDisposition, createFileDownloads } from './file-downloads';
export type { FileDownloadsOptions } from './file-downloads';
