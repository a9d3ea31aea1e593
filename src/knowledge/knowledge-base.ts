import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';
import { VietnameseAnalyzer } from '../language';
import { DenseIndex } from './dense-index';
import type { Embedder } from './embedder';
import { ExtractiveAnswerer } from './extractive-answerer';
import { SectionIndex } from './section-index';
import { loadKnowledgeCorpus, type KnowledgeCorpus } from './loader';
import { HybridRetriever } from './retriever';
import type { KnowledgeDocument, QuestionAnswerer } from './types';

/** Bump when the analyzer or index format changes: invalidates cached indexes. */
export const INDEX_FORMAT_VERSION = 4;

export type ProgressPhase = 'load' | 'analyze' | 'embed';
export type ProgressListener = (phase: ProgressPhase, done: number, total: number) => void;

export interface KnowledgeBaseOptions {
  knowledgeDir: string;
  /** Where index caches are written; omitted → no cache. */
  dataDir?: string;
  logger: Logger;
  minScore: number;
  maxCitations: number;
  embedder?: Embedder;
  onProgress?: ProgressListener;
}

export interface KnowledgeBaseStats {
  documents: number;
  sections: number;
  /** Indexed terms (with repeats) over all sections. */
  tokens: number;
  vocabulary: number;
  buildMs: number;
  fromCache: boolean;
  dense: boolean;
}

export interface KnowledgeBase {
  answerer: QuestionAnswerer;
  retriever: HybridRetriever;
  corpus: KnowledgeCorpus;
  stats: KnowledgeBaseStats;
}

/** Loads `knowledge/`, builds (or reads from cache) the index and wires the answerer. */
export async function openKnowledgeBase(options: KnowledgeBaseOptions): Promise<KnowledgeBase> {
  const started = performance.now();
  options.onProgress?.('load', 0, 1);
  const corpus = await loadKnowledgeCorpus(options.knowledgeDir);
  options.onProgress?.('load', 1, 1);
  const analyzer = new VietnameseAnalyzer(corpus.glossary);
  const cacheFile = options.dataDir
    ? path.join(
        options.dataDir,
        'index',
        `sections-v${INDEX_FORMAT_VERSION}-${corpus.contentHash.slice(0, 16)}.bin`,
      )
    : undefined;

  let index = cacheFile ? await readCache(cacheFile, options.logger) : undefined;
  const fromCache = Boolean(index);
  if (!index) {
    index = buildSectionIndex(corpus.documents, analyzer, options.onProgress);
    if (cacheFile) await writeCache(cacheFile, index.toBuffer(), options.logger);
  }
  const lexical = index.sections;

  let dense: { embedder: Embedder; index: DenseIndex } | undefined;
  if (options.embedder) {
    dense = await buildDense(corpus, options.embedder, options);
  }

  const retriever = new HybridRetriever({
    documents: corpus.documents,
    analyzer,
    index,
    dense,
    logger: options.logger,
  });
  const answerer = new ExtractiveAnswerer({
    retriever,
    analyzer,
    lexical,
    documents: corpus.documents,
    topics: corpus.topics,
    minScore: options.minScore,
    maxCitations: options.maxCitations,
  });
  const stats: KnowledgeBaseStats = {
    documents: corpus.documents.length,
    sections: lexical.size,
    tokens: lexical.totalBodyTerms,
    vocabulary: lexical.vocabularySize,
    buildMs: Math.round(performance.now() - started),
    fromCache,
    dense: Boolean(dense),
  };
  options.logger.info(stats, 'knowledge base ready');
  return { answerer, retriever, corpus, stats };
}

/** Analyzes every section and builds the section index; reports progress per document. */
export function buildSectionIndex(
  documents: KnowledgeDocument[],
  analyzer: VietnameseAnalyzer,
  onProgress?: ProgressListener,
): SectionIndex {
  return SectionIndex.build(documents, analyzer, (done, total) =>
    onProgress?.('analyze', done, total),
  ).index;
}

async function buildDense(
  corpus: KnowledgeCorpus,
  embedder: Embedder,
  options: KnowledgeBaseOptions,
): Promise<{ embedder: Embedder; index: DenseIndex } | undefined> {
  const texts = corpus.documents.flatMap((d) =>
    d.sections.map((s) => `${d.title} — ${s.heading}\n${s.text}`),
  );
  const safeModel = embedder.model.replace(/[^a-zA-Z0-9._-]/g, '_');
  const cacheFile = options.dataDir
    ? path.join(options.dataDir, 'index', `dense-${safeModel}-${corpus.contentHash.slice(0, 16)}.json`)
    : undefined;
  try {
    if (cacheFile) {
      const cached = await fs.readFile(cacheFile, 'utf8').catch(() => undefined);
      if (cached) {
        const vectors = (JSON.parse(cached) as number[][]).map((v) => Float32Array.from(v));
        if (vectors.length === texts.length) return { embedder, index: new DenseIndex(vectors) };
      }
    }
    const vectors: Float32Array[] = [];
    const batch = 64;
    for (let i = 0; i < texts.length; i += batch) {
      vectors.push(...(await embedder.embed(texts.slice(i, i + batch))));
      options.onProgress?.('embed', Math.min(i + batch, texts.length), texts.length);
    }
    if (cacheFile) {
      await writeCache(cacheFile, JSON.stringify(vectors.map((v) => Array.from(v))), options.logger);
    }
    return { embedder, index: new DenseIndex(vectors) };
  } catch (error) {
    options.logger.warn({ err: error }, 'embeddings unavailable; answering with lexical search only');
    return undefined;
  }
}

async function readCache(file: string, logger: Logger): Promise<SectionIndex | undefined> {
  try {
    return SectionIndex.fromBuffer(await fs.readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      logger.warn({ err: error, file }, 'index cache unreadable; rebuilding');
    }
    return undefined;
  }
}

async function writeCache(file: string, data: string | Uint8Array, logger: Logger): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (error) {
    logger.warn({ err: error, file }, 'could not write index cache');
  }
}
