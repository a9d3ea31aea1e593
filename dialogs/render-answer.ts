import type { AnswerResult, Citation } from '../src/knowledge/types';
import { markdownLink } from './markdown';
import { DEFAULT_TOPICS, texts } from './texts';

const MAX_SUGGESTIONS = 3;

/** The topics to offer when nothing was found: the answerer's, or sensible defaults. */
export function suggestedTopics(result: AnswerResult): string[] {
  const own = result.suggestions.map((s) => s.trim()).filter((s) => s.length > 0);
  return (own.length > 0 ? own : [...DEFAULT_TOPICS]).slice(0, MAX_SUGGESTIONS);
}

/**
 * Why nothing is answered: the documents or words the knowledge base lacks, or the figure the
 * matching passages do not state, when that was why.
 */
function notFoundLead(result: AnswerResult): string {
  const documents = result.unknownDocuments ?? [];
  if (documents.length > 0) return texts.notCoveredDocuments(documents);
  const articles = result.unknownArticles;
  if (articles) {
    return texts.notCoveredArticles(articles.articles, articles.document, articles.available);
  }
  const words = result.unknownWords ?? [];
  if (words.length > 0) return texts.notCovered(words);
  if (result.unstatedFigure) return texts.notStated(texts.figureNames[result.unstatedFigure]);
  return texts.notFound;
}

/**
 * `Điều 22 [1].` rather than `Điều 22. [1]`: the markers go before closing punctuation. A clause
 * the document ends with ";" ends the answer's sentence: it gets a full stop.
 */
function withMarker(text: string, markers: string): string {
  const trimmed = text.trim();
  const match = /^(.*?)([.!?…:;]+)$/su.exec(trimmed);
  if (!match) return `${trimmed} ${markers}`;
  return `${match[1]} ${markers}${match[2] === ';' ? '.' : match[2]}`;
}

function answerParagraph(result: AnswerResult): string {
  if (result.sourcesOfPrevious) return texts.previousSources(result.citations.length);
  return result.sentences
    .map((s) => {
      const markers = [s.citation, ...(s.alsoCitations ?? [])].map((n) => `[${n}]`).join('');
      return withMarker(s.text, markers);
    })
    .join(' ');
}

/** Something to show: sentences, or the sources of the answer before. */
function hasAnswer(result: AnswerResult): boolean {
  return (
    result.answered &&
    (result.sentences.length > 0 ||
      (result.sourcesOfPrevious === true && result.citations.length > 0))
  );
}

function citationLabel(c: Citation, n: number): string {
  const doc = c.number ? `${c.number} — ${c.title}` : c.title;
  return c.section ? `[${n}] ${doc}, ${c.section}` : `[${n}] ${doc}`;
}

/** The ⚠️ line for a citation whose document is not simply in force, or undefined. */
export function statusWarning(c: Citation): string | undefined {
  const doc = c.number || c.title;
  if (c.status === 'replaced') return texts.replacedWarning(doc, c.replacedBy);
  if (c.status === 'amended') return texts.amendedWarning(doc);
  return undefined;
}

/**
 * Renders an answer as Markdown that Teams and Web Chat display: the sentences with markers
 * `[1]`, `[2]`, then "Nguồn:" with one item per citation (number — title, section; the link; a ⚠️
 * line when the document is replaced or amended). A result that is not answered says so honestly
 * and lists two or three topics to try.
 */
export function renderAnswer(result: AnswerResult): string {
  if (!hasAnswer(result)) {
    const topics = suggestedTopics(result).map((t) => `- ${t}`);
    return [notFoundLead(result), `${texts.notFoundSuggest}\n${topics.join('\n')}`].join('\n\n');
  }
  const sources = result.citations.map((c, i) => {
    const lines = [`- ${citationLabel(c, i + 1)}`];
    if (c.url) lines.push(`  - ${markdownLink(c.url)}`);
    const warning = statusWarning(c);
    if (warning) lines.push(`  - ${warning}`);
    return lines.join('\n');
  });
  return [answerParagraph(result), `**${texts.sourcesHeading}**\n${sources.join('\n')}`].join(
    '\n\n',
  );
}

/** The same content as {@link renderAnswer}, as plain text for a terminal. */
export function renderAnswerPlain(result: AnswerResult): string {
  if (!hasAnswer(result)) {
    const topics = suggestedTopics(result).map((t) => `  • ${t}`);
    return [notFoundLead(result), `${texts.notFoundSuggest}\n${topics.join('\n')}`].join('\n\n');
  }
  const sources = result.citations.map((c, i) => {
    const lines = [citationLabel(c, i + 1)];
    if (c.url) lines.push(`    ${c.url}`);
    const warning = statusWarning(c);
    if (warning) lines.push(`    ${warning}`);
    return lines.join('\n');
  });
  return [answerParagraph(result), `${texts.sourcesHeading}\n${sources.join('\n')}`].join('\n\n');
}
