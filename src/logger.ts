import pino, { type Logger } from 'pino';

export type { Logger };

/** Creates the process logger. Message text is only logged at debug level by callers. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'tro-ly-cds' } }, destination);
}
