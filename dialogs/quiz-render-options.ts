import type { QuizSource } from '../src/quiz';
import { escapeMarkdown, markdownLink } from './markdown';

/** The document a quiz question cites, as a citation shows it. */
export interface SourceDescription {
  /** Số hiệu, e.g. `20/2023/QH15`; empty for the project's own guides. */
  number: string;
  title: string;
  url?: string;
}

/**
 * Looks up the document a question cites (`question.source`), e.g. in the knowledge corpus;
 * `undefined` when unknown. Injected so that dialogs stay free of I/O.
 */
export type DescribeSource = (docId: string, section: string) => SourceDescription | undefined;

/** A topic of the quiz bank, for choosing a practice topic and naming topics in results. */
export interface QuizTopicInfo {
  id: string;
  name: string;
}

/** What quiz replies need besides the outcome itself. */
export interface QuizRenderOptions {
  /** Decides between Adaptive Cards and hero cards. */
  channelId: string | undefined;
  topics?: readonly QuizTopicInfo[];
  describeSource?: DescribeSource;
}

/** The topic's name, or its id when the topic list is not known. */
export function topicName(topics: readonly QuizTopicInfo[] | undefined, id: string): string {
  return topics?.find((t) => t.id === id)?.name ?? id;
}

/**
 * `20/2023/QH15 — Luật Giao dịch điện tử, Điều 23 — [link](…)` (Markdown), or the document id and
 * section when the document is unknown.
 */
export function citeSource(source: QuizSource, describe: DescribeSource | undefined): string {
  const doc = describe?.(source.docId, source.section);
  if (!doc) return `${escapeMarkdown(source.docId)}, ${escapeMarkdown(source.section)}`;
  const name = doc.number ? `${doc.number} — ${doc.title}` : doc.title;
  const label = `${escapeMarkdown(name)}, ${escapeMarkdown(source.section)}`;
  return doc.url ? `${label} — ${markdownLink(doc.url)}` : label;
}
