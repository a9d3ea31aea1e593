import { loadConfig } from '../config';
import { ConfigError, KnowledgeError } from '../errors';
import { createLogger } from '../logger';
import {
  OpenAiEmbedder,
  openKnowledgeBase,
  type KnowledgeBase,
  type ProgressListener,
} from '../knowledge';

/** Opens the knowledge base the way the server does, for command-line tools. */
export async function openForCli(onProgress?: ProgressListener): Promise<KnowledgeBase> {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr as never);
  return openKnowledgeBase({
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    logger,
    minScore: config.answer.minScore,
    maxCitations: config.answer.maxCitations,
    embedder: config.embedding ? new OpenAiEmbedder(config.embedding) : undefined,
    onProgress,
  });
}

/** Prints a readable message for the errors a user can fix, and sets the exit code. */
export function reportCliError(error: unknown): void {
  if (error instanceof ConfigError || error instanceof KnowledgeError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exitCode = 1;
}
