export type {
  AnswerResult,
  AnswerSentence,
  AskContext,
  Citation,
  DocumentStatus,
  KnowledgeDocument,
  QuestionAnswerer,
  Section,
  UnknownArticles,
} from './types';
export {
  buildSectionIndex,
  INDEX_FORMAT_VERSION,
  openKnowledgeBase,
  type KnowledgeBase,
  type KnowledgeBaseOptions,
  type KnowledgeBaseStats,
  type ProgressListener,
  type ProgressPhase,
} from './knowledge-base';
export { contextAfter } from './ask-context';
export { loadKnowledgeCorpus, type KnowledgeCorpus } from './loader';
export { sectionLabel } from './markdown-document';
export { HybridRetriever, type Passage, type Retrieval, type Retriever } from './retriever';
export type { Embedder } from './embedder';
export { OpenAiEmbedder } from './openai-embedder';
export { ExtractiveAnswerer } from './extractive-answerer';
export { splitSentences } from './section-analysis';
export { DenseIndex } from './dense-index';
export { SectionIndex } from './section-index';
