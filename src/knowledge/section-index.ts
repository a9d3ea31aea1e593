import type { VietnameseAnalyzer } from '../language';
import {
  DEFAULT_LEXICAL_PARAMS,
  LexicalIndex,
  type IndexInput,
  type LexicalIndexParams,
  type SearchHit,
  type WeightedTerm,
} from './lexical-index';
import { decodeArrays, encodeArrays } from './index-codec';
import { concatTerms, TermDictionary } from './term-dictionary';
import type { KnowledgeDocument } from './types';

/**
 * Share of a section's score that comes from its best paragraph. A question usually targets one
 * clause of a long article; scoring the best paragraph as well keeps long articles from drowning
 * it. Tuned on ALQAC train (flat between 0.4 and 0.7).
 */
export const PARAGRAPH_WEIGHT = 0.5;
/** Sections scored before the paragraph pass. */
const CANDIDATES = 50;
const EMPTY = new Int32Array(0);
/** "Điều 22. " at the start of a heading: a number, not words to match. */
const ARTICLE_PREFIX = /^Điều\s+\d+[a-zđ]?\.\s*/u;

export interface SectionSearchOptions {
  limit: number;
  /** Only sections of these documents (indexes into the build input), unless `otherDocuments`. */
  documents?: ReadonlySet<number>;
  /**
   * With `documents`: other documents' sections too, ranked on their own and their scores scaled
   * by this factor (the named documents' best section scores 1).
   */
  otherDocuments?: number;
  /** Weight of the document prior (0 disables it). */
  documentPriorWeight: number;
}

/** Header of the binary cache form; the arrays follow it (see `index-codec.ts`). */
interface SectionIndexMeta {
  /** Terms in id order, joined by line breaks (terms never contain one). */
  terms: string;
  sections: LexicalIndexParams;
  paragraphs: LexicalIndexParams;
}

/**
 * Two BM25F indexes over the same documents: one unit per section (body + heading/title field,
 * grouped by document, for the document prior and filters) and one per paragraph (grouped by
 * section). A search ranks sections, then blends in each candidate's best paragraph.
 */
export class SectionIndex {
  private constructor(
    private readonly dictionary: TermDictionary,
    readonly sections: LexicalIndex,
    private readonly paragraphs: LexicalIndex,
  ) {}

  get size(): number {
    return this.sections.size;
  }

  static build(
    documents: KnowledgeDocument[],
    analyzer: VietnameseAnalyzer,
    onDocument?: (done: number, total: number) => void,
  ): { index: SectionIndex; tokens: number } {
    const dictionary = new TermDictionary();
    const sectionInputs: IndexInput[] = [];
    const paragraphInputs: IndexInput[] = [];
    let tokens = 0;
    documents.forEach((doc, group) => {
      const docTitle = dictionary.encodePhrases(analyzer.indexPhrases(`${doc.title}. ${doc.number}`));
      for (const section of doc.sections) {
        const sectionId = sectionInputs.length;
        // A line break ends a phrase for the analyzer too, so a section's terms are exactly its
        // paragraphs' terms: analyze each paragraph once and use it for both indexes.
        const parts: Int32Array[] = [];
        for (const paragraph of section.text.split(/\n+/)) {
          if (!/[\p{L}\p{N}]/u.test(paragraph)) continue;
          const terms = dictionary.encodePhrases(analyzer.indexPhrases(paragraph));
          paragraphInputs.push({ body: terms, title: EMPTY, group: sectionId });
          parts.push(terms);
        }
        const body = concatTerms(parts);
        tokens += body.length;
        sectionInputs.push({
          body,
          title: concatTerms([
            dictionary.encodePhrases(
              analyzer.indexPhrases(section.heading.replace(ARTICLE_PREFIX, '')),
            ),
            docTitle,
          ]),
          group,
        });
      }
      onDocument?.(group + 1, documents.length);
    });
    const index = new SectionIndex(
      dictionary,
      LexicalIndex.build(sectionInputs, dictionary, DEFAULT_LEXICAL_PARAMS),
      LexicalIndex.build(
        paragraphInputs,
        dictionary,
        { ...DEFAULT_LEXICAL_PARAMS, titleWeight: 0 },
        { groupStatistics: false },
      ),
    );
    return { index, tokens };
  }

  /** Reads the form written by `toBuffer`; throws when it is malformed. */
  static fromBuffer(buffer: Uint8Array): SectionIndex {
    const { meta, arrays } = decodeArrays<SectionIndexMeta>(buffer);
    const dictionary = new TermDictionary(meta.terms ? meta.terms.split('\n') : []);
    return new SectionIndex(
      dictionary,
      LexicalIndex.fromParts({ params: meta.sections, arrays: arrays.slice(0, 13) }, dictionary),
      LexicalIndex.fromParts({ params: meta.paragraphs, arrays: arrays.slice(13) }, dictionary),
    );
  }

  /** A compact binary form for the index cache: the term list plus the raw postings arrays. */
  toBuffer(): Buffer {
    const sections = this.sections.toParts();
    const paragraphs = this.paragraphs.toParts();
    const meta: SectionIndexMeta = {
      terms: this.dictionary.terms.join('\n'),
      sections: sections.params,
      paragraphs: paragraphs.params,
    };
    return encodeArrays(meta, [...sections.arrays, ...paragraphs.arrays]);
  }

  /** Sections ranked for the query; scores are in 0..1 (1 = best on both passes). */
  search(query: WeightedTerm[], options: SectionSearchOptions): SearchHit[] {
    const resolved = this.sections.resolve(query);
    const prior = options.documentPriorWeight > 0 ? this.sections.scoreGroups(resolved) : undefined;
    const search = {
      limit: Math.max(options.limit, CANDIDATES),
      groups: options.documents,
      groupPrior: prior,
      groupPriorWeight: options.documentPriorWeight,
    };
    const others = options.documents && options.otherDocuments ? options.otherDocuments : 0;
    // One scoring pass; each selection copies its hits out of the shared top-k buffer.
    const lists = this.sections.searchEach(
      resolved,
      others > 0 ? [search, { ...search, groups: undefined }] : [search],
    );
    const hits = lists[0]!;
    const rest = lists[1];
    if (hits.length === 0 && !rest?.length) return [];
    const candidates = hits.map((h) => h.index);
    if (rest) for (const h of rest) candidates.push(h.index);
    const bestParagraph = this.paragraphs.maxScoreByGroup(resolved, candidates);
    blend(hits, bestParagraph, 1);
    if (rest && rest.length > 0) {
      // Other documents' sections, ranked on their own, follow the named ones' at `others`.
      const named = new Set<number>();
      for (const h of hits) named.add(h.index);
      blend(rest, bestParagraph, others);
      for (const h of rest) if (!named.has(h.index)) hits.push(h);
    }
    return hits
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, options.limit);
  }
}

/**
 * Each section's score (in place) scaled to the best section, blended with its best paragraph's,
 * scaled alike, the whole times `factor`.
 */
function blend(hits: SearchHit[], bestParagraph: Map<number, number>, factor: number): void {
  if (hits.length === 0) return;
  const topSection = hits[0]!.score;
  let topParagraph = 0;
  for (const h of hits) topParagraph = Math.max(topParagraph, bestParagraph.get(h.index) ?? 0);
  for (const h of hits) {
    h.score =
      factor *
      ((1 - PARAGRAPH_WEIGHT) * (h.score / topSection) +
        (topParagraph > 0 ? (PARAGRAPH_WEIGHT * (bestParagraph.get(h.index) ?? 0)) / topParagraph : 0));
  }
}
