import type { Logger } from '../logger';
import {
  citedParts,
  type VietnameseAnalyzer,
} from '../language';
import type { DenseIndex } from './dense-index';
import { definitionPhrases, defines, phraseText, type PhraseText } from './definitions';
import type { Embedder } from './embedder';
import type { LexicalIndex } from './lexical-index';
import type { SectionIndex } from './section-index';
import { QueryBuilder, type BuiltQuery } from './query-builder';
import type { KnowledgeDocument, Section, UnknownArticles } from './types';

/** A retrieved section with the document it belongs to. */
export interface Passage {
  document: KnowledgeDocument;
  section: Section;
  /** Fused ranking score (lexical BM25F, or reciprocal-rank fusion when dense is on). */
  score: number;
  /** Lexical score alone (0..1); 0 when only the dense side found it. */
  lexicalScore: number;
}

export interface Retrieval {
  query: BuiltQuery;
  passages: Passage[];
  /**
   * The question names articles of documents it also names ("Điều 26 Nghị định 30/2020"), and
   * none of those documents has any of them as a section or cites it in its text.
   */
  unknownArticles?: UnknownArticles;
}

export interface RetrieveOptions {
  previousQuery?: string;
  /** See `AskContext.previousQuestion`. */
  previousQuestion?: string;
  limit?: number;
}

/** Port: finds the sections that best answer a question. */
export interface Retriever {
  retrieve(question: string, options?: RetrieveOptions): Promise<Retrieval>;
}

export interface HybridRetrieverOptions {
  documents: KnowledgeDocument[];
  analyzer: VietnameseAnalyzer;
  index: SectionIndex;
  /** Weight of the document-level prior (0 disables it). */
  documentPriorWeight?: number;
  dense?: { embedder: Embedder; index: DenseIndex };
  logger?: Logger;
}

const RRF_K = 60;
/** Score factor of documents without a số hiệu (the project's practical guides). */
const GUIDE_WEIGHT = 0.6;
const CANDIDATES = 50;
/** Score factor of a section the question names by its label ("Điều 22") in no named document. */
const NAMED_ARTICLE_BOOST = 1.5;
/**
 * Score factor of other documents' sections when the question names a document: they rank below
 * the named document's best section, but a question that names the wrong law ("theo Luật Tố tụng
 * hành chính" about arbitrators) still finds the right one. ALQAC train is alike from 0.7 to 0.95;
 * below the answerer's second-passage ratio (0.75), an answer never cites them next to the named
 * document's.
 */
const OTHER_DOCUMENT_WEIGHT = 0.7;
/**
 * Score factor of a section that defines a term the question asks to define: its text says
 * "<term> là" ("Chuyển đổi số là việc …"), which the articles that merely use the term do not.
 */
const DEFINITION_BOOST = 1.5;

/**
 * Lexical BM25F retrieval with a document prior and documents named in the question; when an
 * embedder is configured, dense cosine hits are fused by reciprocal rank. A failing embedder
 * degrades to lexical results, never to an error.
 */
export class HybridRetriever implements Retriever {
  private readonly sections: { document: KnowledgeDocument; section: Section }[] = [];
  private readonly builder: QueryBuilder;
  /** `<document index>|<section label>` → section index. */
  private readonly byLabel = new Map<string, number>();
  /**
   * Section index → its text as `| syllables | syllables |` (each phrase between bars), and
   * folded; built when a definition question first looks at the section.
   */
  private readonly phraseTexts = new Map<number, PhraseText>();
  /**
   * Document index → its articles: those it has as sections (in order) and every article it has
   * or cites in its text ("các Điều 30 đến Điều 33"); worked out when a question first names one.
   */
  private readonly articles = new Map<number, { sections: string[]; known: Set<string> }>();

  constructor(private readonly options: HybridRetrieverOptions) {
    options.documents.forEach((document, d) => {
      for (const section of document.sections) {
        const key = `${d}|${section.label}`;
        if (!this.byLabel.has(key)) this.byLabel.set(key, this.sections.length);
        this.sections.push({ document, section });
      }
    });
    if (this.sections.length !== options.index.size) {
      throw new Error('lexical index does not match the documents');
    }
    this.builder = new QueryBuilder(options.analyzer, options.documents);
  }

  /** The section-level statistics (document frequencies, for term weights). */
  get lexical(): LexicalIndex {
    return this.options.index.sections;
  }

  get analyzer(): VietnameseAnalyzer {
    return this.options.analyzer;
  }

  async retrieve(question: string, options: RetrieveOptions = {}): Promise<Retrieval> {
    const limit = options.limit ?? 10;
    const query = this.builder.build(question, options.previousQuery, options.previousQuestion);
    const hits = this.options.index.search(query.terms, {
      limit: Math.max(limit, CANDIDATES),
      documents: query.documents,
      otherDocuments: OTHER_DOCUMENT_WEIGHT,
      documentPriorWeight: this.options.documentPriorWeight ?? 1,
    });
    // A legal text outranks a guide that restates it: cite the source itself when both match.
    // Not when the question names documents ("Theo Hướng dẫn an toàn thông tin cơ bản, …"): those
    // come first whatever their kind, and the others follow at `OTHER_DOCUMENT_WEIGHT` of them.
    if (!query.documents) {
      for (const h of hits) if (!this.sections[h.index]!.document.number) h.score *= GUIDE_WEIGHT;
    }
    this.applyNamedArticles(query, hits);
    this.applyDefinitions(query, hits);
    hits.sort((a, b) => b.score - a.score || a.index - b.index);
    const dense = this.options.dense;
    const ranked = dense && query.terms.length > 0 ? await this.fused(query, hits, dense) : hits;

    // Lexical only, each passage's score is its lexical score (no lookup needed).
    const lexicalScore = ranked === hits ? undefined : new Map(hits.map((h) => [h.index, h.score]));
    const passages: Passage[] = [];
    for (let i = 0; i < ranked.length && i < limit; i++) {
      const { index, score } = ranked[i]!;
      const { document, section } = this.sections[index]!;
      const lexical = lexicalScore ? (lexicalScore.get(index) ?? 0) : score;
      passages.push({ document, section, score, lexicalScore: lexical });
    }
    const unknownArticles = this.unknownArticles(query);
    return unknownArticles ? { query, passages, unknownArticles } : { query, passages };
  }

  /**
   * The articles the question names when the documents it names have none of them, with what the
   * first of those documents has instead. A document whose text cites the article ("Các Điều 30
   * đến Điều 33 … quy định") says something of it, so that counts as having it.
   */
  private unknownArticles(query: BuiltQuery): UnknownArticles | undefined {
    const asked = [...(query.articles ?? []), ...(query.appendices ?? [])];
    if (asked.length === 0 || !query.documents) return undefined;
    const named = [...query.documents];
    const lacking = (label: string) => named.every((d) => !this.articlesOf(d).known.has(label));
    if (!asked.every(lacking)) return undefined;
    const first = this.options.documents[named[0]!]!;
    const held = this.articlesOf(named[0]!).sections;
    // Asked for an appendix, the appendices it has come first.
    const appendixFirst = (query.appendices?.length ?? 0) > 0;
    const isAppendix = (label: string) => label.startsWith('Phụ lục');
    return {
      articles: asked,
      document: { number: first.number, title: first.title },
      available: appendixFirst
        ? [...held.filter(isAppendix), ...held.filter((l) => !isAppendix(l))]
        : held,
    };
  }

  /**
   * A document's articles and appendices: those its sections' labels name ("Điều 5"; "Phụ lục I,
   * mục II.8b" is part of "Phụ lục I"), and those its text cites.
   */
  private articlesOf(d: number): { sections: string[]; known: Set<string> } {
    let found = this.articles.get(d);
    if (!found) {
      const document = this.options.documents[d]!;
      const sections = new Set(document.sections.flatMap((s) => citedParts(s.label)));
      const known = new Set(sections);
      for (const s of document.sections) for (const part of citedParts(s.text)) known.add(part);
      found = { sections: [...sections], known };
      this.articles.set(d, found);
    }
    return found;
  }

  /** Lexical hits fused with dense ones by reciprocal rank; the lexical hits when dense fails. */
  private async fused(
    query: BuiltQuery,
    hits: { index: number; score: number }[],
    dense: NonNullable<HybridRetrieverOptions['dense']>,
  ): Promise<{ index: number; score: number }[]> {
    try {
      const [vector] = await dense.embedder.embed([query.text]);
      const allowed = query.documents;
      const denseHits = dense.index.search(vector!, CANDIDATES, (i) => {
        if (!allowed) return true;
        const doc = this.sections[i]!.document;
        return allowed.has(this.options.documents.indexOf(doc));
      });
      return fuse([hits, denseHits]);
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'dense retrieval failed; using lexical results');
      return hits.map((h) => ({ index: h.index, score: h.score }));
    }
  }

  /**
   * An article the question names: in a document it also names, the article goes first whatever
   * its words ("Theo Điều 143 Luật Tố tụng hành chính, ..."); named alone, articles with that
   * label get a boost among the candidates.
   */
  private applyNamedArticles(query: BuiltQuery, hits: { index: number; score: number }[]): void {
    if (!query.articles) return;
    const top = hits.reduce((m, h) => Math.max(m, h.score), 0);
    if (query.documents) {
      let rank = 0;
      for (const label of query.articles) {
        for (const d of query.documents) {
          const index = this.byLabel.get(`${d}|${label}`);
          if (index === undefined) continue;
          const score = top + 1e-3 - rank++ * 1e-6;
          const hit = hits.find((h) => h.index === index);
          if (hit) hit.score = score;
          else hits.push({ index, score });
        }
      }
      return;
    }
    const labels = new Set(query.articles);
    for (const h of hits) {
      if (labels.has(this.sections[h.index]!.section.label)) h.score *= NAMED_ARTICLE_BOOST;
    }
  }

  /** Sections that define a term the question asks to define get a boost among the candidates. */
  private applyDefinitions(query: BuiltQuery, hits: { index: number; score: number }[]): void {
    if (!query.definitions) return;
    const wanted = query.definitions.flatMap(definitionPhrases);
    for (const hit of hits) {
      if (defines(this.phraseTextOf(hit.index), wanted)) hit.score *= DEFINITION_BOOST;
    }
  }

  private phraseTextOf(index: number): PhraseText {
    let text = this.phraseTexts.get(index);
    if (!text) {
      text = phraseText(this.options.analyzer, this.sections[index]!.section.text);
      this.phraseTexts.set(index, text);
    }
    return text;
  }
}

/** Reciprocal-rank fusion of several ranked lists. */
export function fuse(lists: { index: number }[][]): { index: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const list of lists) {
    list.forEach((hit, rank) => {
      scores.set(hit.index, (scores.get(hit.index) ?? 0) + 1 / (RRF_K + rank + 1));
    });
  }
  return [...scores]
    .map(([index, score]) => ({ index, score }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}
