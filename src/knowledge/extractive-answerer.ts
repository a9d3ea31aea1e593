import {
  asksSource,
  bigramTerm,
  isVietnameseSyllable,
  FOLDED_PREFIX,
  endsYesOrNo,
  opensWithLevel,
  openingLevel,
  levelsOf,
  type AskedFigure,
  type NamedLevel,
  type VietnameseAnalyzer,
} from '../language';
import type { LexicalIndex } from './lexical-index';
import type { BuiltQuery, QueryWord } from './query-builder';
import type { Passage, Retriever } from './retriever';
import { definitionPhrases, defines, phraseText, type PhraseText } from './definitions';
import {
  restates,
  SectionAnalysis,
  type AnalyzedSentence,
} from './section-analysis';
import type {
  AnswerResult,
  AnswerSentence,
  AskContext,
  Citation,
  KnowledgeDocument,
  QuestionAnswerer,
} from './types';

export interface ExtractiveAnswererOptions {
  retriever: Retriever;
  analyzer: VietnameseAnalyzer;
  /** For term weights (idf). */
  lexical: LexicalIndex;
  documents: KnowledgeDocument[];
  /** Topic id → Vietnamese name, for suggestions. */
  topics: Record<string, string>;
  /** Below this coverage of the question by the best passage, the answer is "not found". */
  minScore: number;
  maxCitations: number;
}

/** The question's coverage terms, their weights, and other phrasings that cover some of them. */
interface Core {
  terms: string[];
  weights: number[];
  alternatives?: ReadonlyMap<string, readonly (readonly string[])[]>;
}

const MAX_SENTENCES_FIRST = 2;
/** A further passage is cited only when it scores this close to the best one. */
const SECOND_PASSAGE_RATIO = 0.75;
/** Weight of a sentence stating the figure asked for, against one that does not. */
const FIGURE_SENTENCE_BOOST = 1.5;
/**
 * At most this many sentences of the first passage when a figure is asked and more than
 * `MAX_SENTENCES_FIRST` of its sentences on the question state one: "bị phạt bao nhiêu?" is
 * answered by every fine the article sets, not by the first two.
 */
const MAX_FIGURE_SENTENCES_FIRST = 4;
/**
 * A scenario is answered from this share of the minimum coverage, and a rare word of it is not
 * held against the passage: the situation's details (a time of day, a sender, a device) fill the
 * question and are seldom in the text that says what to do.
 */
const SCENARIO_MIN_SCORE = 0.8;
/** Share of the best passage's coverage a section of its document needs to answer a figure in its place. */
const SIBLING_COVERAGE = 0.8;
/** Figures that are numbers: stated by a sentence that must also speak of something asked. */
const NUMERIC_FIGURES: ReadonlySet<AskedFigure['kind']> = new Set([
  'duration',
  'money',
  'percent',
  'date',
  'rank',
  'quantity',
]);
const FALLBACK_TOPICS = ['chu-ky-so', 'van-thu', 'chuyen-doi-so'];
/** Sentences naming a level the question names that an answer gives at most (see `withLevels`). */
const MAX_LEVEL_SENTENCES = 2;
/** A sentence that goes on with the list the one before it announces ("Đó là: …", "Trong đó có: …"). */
const CONTINUES_LIST = /^(?:Đó là|Trong đó(?: có)?|Cụ thể(?: là)?)\s*:/u;
/** A note that qualifies the sentence before it ("Lưu ý: …", "Lưu ý về hiệu lực: …"). */
const QUALIFYING_NOTE = /^Lưu ý[\s:]/u;
/**
 * A word of the question found in at most this many sections is what the documents hardly know:
 * an answer must quote a passage that has it (see `unknownWords`).
 */
const RARE_SECTIONS = 1;
/** A pair of words (folded) in more sections than this is a common phrase of the documents. */
const COMMON_PAIR = 5;
/**
 * A passage covering at least this share of the question is not refused for a rare word it lacks:
 * with half the question found, the word is more often incidental ("xuống", "thiệt" in chat) than
 * the topic. Questions about a missing topic cover less (.20–.43 on the QA sets).
 */
const COVERED_ENOUGH = 0.5;

/**
 * The offline answer writer: picks the best passages, quotes the sentences in them that answer
 * the question, and cites each one. Says "not found" (with topic suggestions) when the best
 * passage covers too little of the question.
 */
export class ExtractiveAnswerer implements QuestionAnswerer {
  private readonly byId: Map<string, KnowledgeDocument>;
  private readonly sections: SectionAnalysis;
  private readonly sentencePhrases = new WeakMap<AnalyzedSentence, PhraseText>();

  constructor(private readonly options: ExtractiveAnswererOptions) {
    this.byId = new Map(options.documents.map((d) => [d.id, d]));
    this.sections = new SectionAnalysis(options.analyzer);
  }

  async ask(question: string, context: AskContext = {}): Promise<AnswerResult> {
    // "điều nào quy định?" after an answer: the sections it cited, whatever the chain of
    // follow-ups that led to it. Never searched: its words "điều", "quy định" match any article.
    if (asksSource(question)) return this.sourcesOf(question, context);
    const read = { mayStandAlone: false };
    const result = await this.answer(question, context, read);
    // Read as a follow-up, it may still be a question of its own ("Phạt bao nhiêu?", "còn chữ ký
    // số là gì?" after another topic): asked alone when that reading finds nothing.
    if (read.mayStandAlone && !result.answered) return this.answer(question, {}, read);
    return result;
  }

  /** `read.mayStandAlone`: set from the question as read (`BuiltQuery.mayStandAlone`). */
  private async answer(
    question: string,
    context: AskContext,
    read: { mayStandAlone: boolean },
  ): Promise<AnswerResult> {
    const trimmed = question.trim();
    // Not found: topic suggestions instead (built only then).
    const notFound = (
      query: string,
      confidence: number,
      passages: Passage[],
      reason?: Pick<
        AnswerResult,
        'unknownWords' | 'unknownDocuments' | 'unknownArticles' | 'unstatedFigure'
      >,
    ): AnswerResult => ({
      question: trimmed,
      query,
      answered: false,
      sentences: [],
      citations: [],
      suggestions: this.suggest(passages),
      confidence,
      ...reason,
    });
    if (!/[\p{L}\p{N}]/u.test(trimmed)) return notFound('', 0, []);

    const retrieval = await this.options.retriever.retrieve(trimmed, {
      previousQuery: context.previousQuery,
      previousQuestion: context.previousQuestion,
      limit: 5,
    });
    const { query, passages, unknownArticles } = retrieval;
    read.mayStandAlone = query.mayStandAlone === true;
    if (query.unknownDocuments) {
      return notFound(query.text, 0, passages, { unknownDocuments: query.unknownDocuments });
    }
    // "Điều 26 Nghị định 30/2020 quy định gì?" with only some of the decree's articles here: its
    // other passages would answer with what the article does not say.
    if (unknownArticles) return notFound(query.text, 0, passages, { unknownArticles });
    const best = passages[0];
    // Terms of the question weighed once each (its core terms and query terms overlap).
    const weighed = new Map<string, number>();
    const weight = (term: string) => {
      let w = weighed.get(term);
      if (w === undefined) {
        w = this.weight(term);
        weighed.set(term, w);
      }
      return w;
    };
    const core: Core = {
      terms: query.coreTerms,
      weights: query.coreTerms.map(weight),
      alternatives: query.coreAlternatives,
    };
    // A story's question, in its last sentence, covered by the passage is enough.
    const closing = query.closingCore;
    const closingCore: Core | undefined = closing && {
      terms: closing.terms,
      weights: closing.terms.map(weight),
      alternatives: closing.alternatives,
    };
    // Each passage's coverage of the whole question, worked out once: the citations' order uses
    // it; the thresholds use the better of it and the coverage of a story's question.
    const covered = new Map<Passage, number>();
    const questionCoverage = (p: Passage) => {
      let c = covered.get(p);
      if (c === undefined) {
        c = this.coverage(core, p);
        covered.set(p, c);
      }
      return c;
    };
    const coveredBest = new Map<Passage, number>();
    const coverageOf = closingCore
      ? (p: Passage) => {
          let c = coveredBest.get(p);
          if (c === undefined) {
            c = Math.max(questionCoverage(p), this.coverage(closingCore, p));
            coveredBest.set(p, c);
          }
          return c;
        }
      : questionCoverage;
    const confidence = best ? coverageOf(best) : 0;
    // A scenario's words are mostly its situation's details, which the answer need not have.
    const minScore = this.options.minScore * (query.scenario ? SCENARIO_MIN_SCORE : 1);
    // Said in the reply when it is why nothing is answered, so worked out for refusals too.
    const unknown =
      best && confidence < COVERED_ENOUGH && !query.scenario
        ? this.unknownWords(query, best)
        : [];
    if (!best || confidence < minScore || unknown.length > 0) {
      const reason = unknown.length > 0 ? { unknownWords: unknown } : undefined;
      return notFound(query.text, confidence, passages, reason);
    }

    const chosen = this.choose(passages, coverageOf, questionCoverage, minScore);
    // The answer's kind: a level the question names, a figure it asks for.
    // Passages past the near ties that still cover enough, looked at only for a local body's own
    // documents: they may be on its place's page even when a law outranks it.
    const others = () => passages.filter((p) => !chosen.includes(p) && coverageOf(p) >= minScore);
    const checked = this.checkKind(query, chosen, best, coverageOf, confidence, others);
    if ('refusal' in checked) return notFound(query.text, confidence, passages, checked.refusal);

    const weights = new Map<string, number>();
    for (const { term } of query.terms) if (term.startsWith(FOLDED_PREFIX)) weights.set(term, weight(term));
    const { sentences, citations } = this.compose(checked.chosen, weights, query);
    return {
      question: trimmed,
      query: query.text,
      answered: sentences.length > 0,
      sentences,
      citations,
      suggestions: [],
      confidence,
    };
  }

  /**
   * The passages to cite: the best, and those scoring within {@link SECOND_PASSAGE_RATIO} of it
   * that cover enough of the question. Among these near ties the one that covers more of the
   * question leads (the sort is stable, so the ranking breaks ties).
   */
  private choose(
    passages: Passage[],
    coverageOf: (p: Passage) => number,
    orderBy: (p: Passage) => number,
    minScore: number,
  ): Passage[] {
    const best = passages[0]!;
    const chosen: Passage[] = [best];
    for (const p of passages.slice(1)) {
      if (chosen.length >= this.options.maxCitations) break;
      if (p.score < best.score * SECOND_PASSAGE_RATIO) break;
      if (coverageOf(p) < minScore) continue;
      chosen.push(p);
    }
    if (chosen.length > 1) chosen.sort((a, b) => orderBy(b) - orderBy(a));
    return chosen;
  }

  /**
   * Checks the chosen passages against what kind of answer the question wants, and puts those
   * that give it first; or says why none does.
   *
   * - "TP Đà Nẵng …", "tỉnh An Giang …": a page about another place (TP Cần Thơ, by its
   *   document's title or its heading) speaks of that place; a law or guide about none answers.
   * - "… định danh mức 2", "… trên Windows 11": a passage that does not name the level speaks of
   *   the thing at another level, or in general. With several levels named, one will do.
   * - "… phạt bao nhiêu tiền?", "… bao lâu?", "… theo văn bản nào?": only a passage stating such a
   *   figure answers, for the year asked if one is ("Năm 2023, … xếp thứ mấy?"). The figure is
   *   often in another section of the best passage's document ("Các kỳ thi đã tổ chức" gives the
   *   number of candidates "Giới thiệu cuộc thi" does not).
   */
  private checkKind(
    query: BuiltQuery,
    chosen: Passage[],
    best: Passage,
    coverageOf: (p: Passage) => number,
    confidence: number,
    others: () => Passage[],
  ): { chosen: Passage[] } | { refusal: Pick<AnswerResult, 'unknownWords' | 'unstatedFigure'> } {
    const first = (keep: Passage[]) => [...keep, ...chosen.filter((p) => !keep.includes(p))];
    const { levels, figure, places } = query;
    if (places) {
      // A page about another province or city speaks of it, not of the one asked about.
      const fits = (p: Passage) => this.sections.fitsPlaces(p, places);
      let fitting = chosen.filter(fits);
      // A local body's own documents ("Kế hoạch … của UBND TP Cần Thơ") are on its place's
      // page, which a law about no place may outrank.
      if (fitting.length === 0 && places.some((p) => p.body)) fitting = others().filter(fits).slice(0, 1);
      if (fitting.length === 0) {
        // Named as a body's seat, the place is what is missing; a place merely named beside it
        // ("Trước khi hợp nhất vào TP Cần Thơ, Tỉnh ủy Sóc Trăng …") is not, nor one the passages
        // speak of ("Đà Nẵng … đứng trên Cần Thơ bao nhiêu bậc?" misses Đà Nẵng).
        const missing = places.some((p) => p.body)
          ? places.filter((p) => p.body)
          : places.filter((p) => !chosen.some((c) => this.sections.fitsPlaces(c, [p])));
        return { refusal: { unknownWords: (missing.length > 0 ? missing : places).map((p) => p.typed) } };
      }
      chosen = fitting;
    }
    if (levels) {
      const naming = chosen.filter((p) => levels.some((l) => this.sections.namesLevel(p, l)));
      if (naming.length === 0) return { refusal: { unknownWords: levels.map((l) => l.typed) } };
      chosen = first(naming);
    }
    // "mức 1 với mức 2 khác nhau ở chỗ nào?": a difference asked needs each level spoken of (how
    // levels combine, "một thành phần cấp độ 3, các thành phần khác cấp độ 2", needs neither).
    const compared = query.asksDifference ? query.comparedLevels : undefined;
    if (compared) {
      const unnamed = compared.filter((l) => !chosen.some((p) => this.sections.namesLevel(p, l)));
      if (unnamed.length > 0) return { refusal: { unknownWords: unnamed.map((l) => l.typed) } };
    }
    if (figure) {
      const years = query.figureYears;
      const asked = NUMERIC_FIGURES.has(figure.kind) ? askedWords(query, figure) : undefined;
      const states = (p: Passage) => this.statesAsked(p, figure, years, asked);
      let stating = chosen.filter(states);
      if (stating.length === 0) {
        const sibling = this.statingSibling(best, states, coverageOf, confidence);
        if (!sibling) return { refusal: { unstatedFigure: figure.kind } };
        stating = [sibling];
      }
      chosen = first(stating).slice(0, this.options.maxCitations);
    }
    return { chosen };
  }

  /**
   * The answer's sentences and citations: two sentences from the first passage, one from each
   * other. A sentence restating one already shown (a guide restating the law) adds its citation
   * to that sentence ("… [1][2]") instead of being repeated.
   */
  private compose(
    chosen: Passage[],
    weights: Map<string, number>,
    query: BuiltQuery,
  ): { sentences: AnswerSentence[]; citations: Citation[] } {
    const citations: Citation[] = [];
    const sentences: AnswerSentence[] = [];
    const namedArticles = new Set(query.articles ?? []);
    const shown: { from: AnalyzedSentence; out: AnswerSentence }[] = [];
    chosen.forEach((passage, i) => {
      const max = i === 0 ? MAX_SENTENCES_FIRST : 1;
      const maxStating = i === 0 ? MAX_FIGURE_SENTENCES_FIRST : max;
      let picked = this.bestSentences(passage, weights, { max, maxStating }, query);
      // "mức 2 với mức 3 khác nhau ở chỗ nào?", "… chủ động mức 3 là gì?": each level, as the
      // passage gives it.
      if (i === 0 && query.comparedLevels) {
        picked = this.withLevels(passage, picked, query.comparedLevels, { compared: true });
      } else if (i === 0 && query.levels) {
        picked = this.withLevels(passage, picked, query.levels, { compared: false });
      }
      // "Điều 9 Nghị định 68/2024 quy định gì?": the article itself is the question; its opening
      // sentences answer it even when no other word of the question is in them.
      if (picked.length === 0 && namedArticles.has(passage.section.label)) {
        picked = this.sections.of(passage).sentences.slice(0, max);
      }
      if (picked.length === 0) return;
      picked = this.withContext(passage, picked);
      citations.push(this.cite(passage));
      const citation = citations.length;
      for (const sentence of picked) {
        const same = shown.find((s) => restates(s.from, sentence));
        if (same) {
          same.out.alsoCitations = [...(same.out.alsoCitations ?? []), citation];
          continue;
        }
        const out: AnswerSentence = { text: sentence.text, citation };
        shown.push({ from: sentence, out });
        sentences.push(out);
      }
    });
    return { sentences, citations };
  }

  /** Share of the question's words (weighted by rarity) found in the passage. */
  private coverage(core: Core, passage: Passage): number {
    if (core.terms.length === 0) return 0;
    const { terms } = this.sections.of(passage);
    let total = 0;
    let found = 0;
    for (let i = 0; i < core.terms.length; i++) {
      const w = core.weights[i]!;
      const term = core.terms[i]!;
      total += w;
      const alternatives = core.alternatives?.get(term);
      if (terms.has(term) || alternatives?.some((a) => a.every((t) => terms.has(t)))) found += w;
    }
    return total > 0 ? found / total : 0;
  }

  /**
   * The words of the question the documents hardly know (found in at most {@link RARE_SECTIONS}
   * sections) and that the best passage does not have, joined into phrases as typed ("khiếu
   * nại"). Such a word is usually what the question is about ("Lương cơ sở là bao nhiêu?"), so a
   * passage that matches only its other words ("năm 2026", "công chức") does not answer it. Not
   * counted: words the query builder leaves unchecked (numbers, asking words, glossary words),
   * single letters (chat shorthand: "cho e hỏi"),
   * a province's name (see `checkKind`), words the documents know in no form at all (a typo, a
   * foreign word: nothing to judge by; unless the question asks the steps of a task, whose product
   * it then names: "cài … trên Adobe Acrobat Reader"), and a mistyped word of a phrase the passage
   * has ("nôi bộ" for "nội bộ": the folded pair is there).
   */
  private unknownWords(
    { words, places = [], howTo }: Pick<BuiltQuery, 'words' | 'places' | 'howTo'>,
    best: Passage,
  ): string[] {
    const { lexical } = this.options;
    // A province's name is checked by `checkKind`: a law answers for every province.
    const placeWords = new Set(places.flatMap((p) => p.key.split(' ')));
    const { terms } = this.sections.of(best);
    const folded = (w: QueryWord) => FOLDED_PREFIX + w.folded;
    const yesOrNo = endsYesOrNo(words.map((w) => w.typed));
    const known = (w: QueryWord, i: number): boolean => {
      if (!w.checked || lexical.documentFrequency(w.term) > RARE_SECTIONS) return true;
      // One letter is chat shorthand ("cho e hỏi", "k"), not what is asked about.
      if (w.folded.length === 1) return true;
      if (placeWords.has(w.folded)) return true;
      if (lexical.documentFrequency(folded(w)) === 0) {
        // Unknown in every form: a typo, or a product the documents do not cover, which matters
        // when the steps of a task on it are asked ("cài … trên Adobe Acrobat Reader") or when it
        // is one side of a choice ("Zoom hay Teams an toàn hơn?", "VNPT hay Viettel cung cấp?").
        // Two letters are more often chat shorthand ("hs", "qg") than a product.
        // A yes-or-no question names its choice as examples ("họp qua Zoom hay Google Meet có
        // được không?"): what is asked is then the kind of thing, not which one.
        const chosen =
          !yesOrNo &&
          ((words[i - 1] !== undefined && isChoice(words[i - 1]!)) ||
            (words[i + 1] !== undefined && isChoice(words[i + 1]!)));
        return (!howTo && !chosen) || isVietnameseSyllable(w.typed) || w.folded.length < 3;
      }
      const prev = words[i - 1];
      const next = words[i + 1];
      // Typed with marks no document uses, in a pair the documents use often without them: a
      // mistyped tone of a common phrase ("xữ lý" for "xử lý"), not a word of its own.
      if (
        w.typed !== w.folded &&
        lexical.documentFrequency(w.term) === 0 &&
        ((prev !== undefined &&
          lexical.documentFrequency(bigramTerm(folded(prev), folded(w))) > COMMON_PAIR) ||
          (next !== undefined &&
            lexical.documentFrequency(bigramTerm(folded(w), folded(next))) > COMMON_PAIR))
      ) {
        return true;
      }
      // One side of a choice ("để CC hay BCC", "USB hoặc ổ cứng"): the passage may answer with
      // the other.
      const other =
        prev && isChoice(prev) ? words[i - 2] : next && isChoice(next) ? words[i + 2] : undefined;
      return (
        terms.has(w.term) ||
        (other !== undefined && other.checked && terms.has(other.term)) ||
        (prev !== undefined && terms.has(bigramTerm(folded(prev), folded(w)))) ||
        (next !== undefined && terms.has(bigramTerm(folded(w), folded(next))))
      );
    };
    const phrases: string[] = [];
    let run: string[] = [];
    words.forEach((w, i) => {
      if (!known(w, i)) {
        run.push(w.typed);
        return;
      }
      if (run.length > 0) phrases.push(run.join(' '));
      run = [];
    });
    if (run.length > 0) phrases.push(run.join(' '));
    return phrases;
  }

  /**
   * Whether the passage states the figure asked; for a number (`asked`: the question's words, see
   * `askedWords`), in a sentence sharing one of them: a section's "ít nhất 1 lần" about something
   * else, in a sentence none of whose words were asked, says nothing of what is asked.
   */
  private statesAsked(
    passage: Passage,
    figure: AskedFigure,
    years: readonly string[] | undefined,
    asked: readonly string[] | undefined,
  ): boolean {
    if (!this.sections.statesFigure(passage, figure, years)) return false;
    if (!asked) return true;
    return this.sections
      .of(passage)
      .sentences.some(
        (s) =>
          this.sections.sentenceStates(passage, s, figure, years) &&
          asked.some((t) => s.terms.has(t)),
      );
  }

  /**
   * The section of the best passage's document that states the figure and covers the question
   * best, if it covers at least {@link SIBLING_COVERAGE} of what the best passage covers.
   */
  private statingSibling(
    best: Passage,
    states: (p: Passage) => boolean,
    coverageOf: (p: Passage) => number,
    confidence: number,
  ): Passage | undefined {
    let found: Passage | undefined;
    let foundCoverage = Math.max(this.options.minScore, confidence * SIBLING_COVERAGE);
    for (const section of best.document.sections) {
      if (section === best.section) continue;
      const passage: Passage = { ...best, section, score: best.score };
      if (!states(passage)) continue;
      const coverage = coverageOf(passage);
      if (coverage >= foundCoverage) {
        found = passage;
        foundCoverage = coverage;
      }
    }
    return found;
  }

  private weight(term: string): number {
    const n = this.options.lexical.size;
    const df = this.options.lexical.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The passage's `max` best sentences for the question; up to `maxStating` when more than `max`
   * of them state the figure asked. The best leads: a general section's opening (who signed, when)
   * does not go before the sentence that answers ("Ngày Chuyển đổi số quốc gia là ngày nào?"); the
   * others follow in the passage's order.
   */
  private bestSentences(
    passage: Passage,
    weights: Map<string, number>,
    { max, maxStating }: { max: number; maxStating: number },
    {
      figure,
      figureYears,
      definitions,
      predicate,
    }: Pick<BuiltQuery, 'figure' | 'figureYears' | 'definitions' | 'predicate'>,
  ): AnalyzedSentence[] {
    const wanted = definitions?.flatMap(definitionPhrases);
    const scored = this.sections.of(passage).sentences.map((sentence, position) => {
      const { terms } = sentence;
      let score = 0;
      for (const [t, w] of weights) if (terms.has(t)) score += w;
      // The first sentence of a section is written to stand alone: prefer it on ties.
      if (position === 0) score *= 1.15;
      // The sentence that gives the figure asked for is the answer.
      const states =
        figure !== undefined &&
        this.sections.sentenceStates(passage, sentence, figure, figureYears);
      if (states) score *= FIGURE_SENTENCE_BOOST;
      // "X là gì?": the sentence that says "X là …" is the answer.
      const defining = wanted !== undefined && defines(this.phrasesOf(sentence), wanted);
      // "… có được gia hạn không?": the sentence that speaks of "gia hạn" says yes or no.
      const predicated = predicate !== undefined && predicate.every((t) => terms.has(t));
      return { sentence, position, score, states, defining, predicated };
    });
    const relevant = scored.filter((s) => s.score > 0);
    // A predicate most of the passage's sentences speak of ("… có bị cấm không?" in the article
    // of prohibited acts) tells none of them apart.
    const predicating = scored.filter((s) => s.predicated).length;
    if (predicating * 2 > scored.length) for (const s of scored) s.predicated = false;
    const stating = relevant.filter((s) => s.states).length;
    const limit = stating > max ? Math.min(stating, maxStating) : max;
    // Who signed, whom to call, where to go: a sentence naming it is the answer, whatever else
    // the others share with the question. A number is stated by many sentences, of other things.
    const statingFirst = figure !== undefined && !NUMERIC_FIGURES.has(figure.kind);
    const [lead, ...others] = relevant
      .sort(
        (a, b) =>
          Number(b.defining) - Number(a.defining) ||
          (statingFirst ? Number(b.states) - Number(a.states) : 0) ||
          Number(b.predicated) - Number(a.predicated) ||
          b.score - a.score,
      )
      .slice(0, limit);
    if (!lead) return [];
    return [lead, ...others.sort((a, b) => a.position - b.position)].map((s) => s.sentence);
  }

  /** The sentence's phrases (for definitions), worked out once per sentence. */
  private phrasesOf(sentence: AnalyzedSentence): PhraseText {
    let text = this.sentencePhrases.get(sentence);
    if (!text) {
      text = phraseText(this.options.analyzer, sentence.text);
      this.sentencePhrases.set(sentence, text);
    }
    return text;
  }

  /**
   * For each level the question names or compares ("… chủ động mức 3 là gì?", "mức 2 với mức 3
   * khác nhau ở chỗ nào?") in a passage that lists levels, the sentence that opens with it is
   * given ("Mức 2: nhắc và điền sẵn hồ sơ."); for a level named alone, those opening with another
   * level are not: "Mức 4: như mức 3 và …" names mức 3 but says what mức 4 is (a comparison keeps
   * them: "… khác mức 2 ở chỗ nào, và ở mức cao nhất …" may ask of another level too). In a passage that names levels inside its
   * sentences ("Hệ thống cấp độ 3 do đơn vị chuyên trách đó …"), the first
   * {@link MAX_LEVEL_SENTENCES} naming it are given beside those picked, which may say what it
   * refers to ("còn cấp độ 4 thì sao?" after cấp độ 1 and 2 was answered with those two). In the
   * passage's order.
   */
  private withLevels(
    passage: Passage,
    picked: AnalyzedSentence[],
    levels: readonly NamedLevel[],
    { compared }: { compared: boolean },
  ): AnalyzedSentence[] {
    const { sentences } = this.sections.of(passage);
    const opening = sentences.filter((s) => levels.some((l) => opensWithLevel(s.text, l)));
    if (opening.length > 0) {
      return sentences.filter(
        (s) =>
          opening.includes(s) || (picked.includes(s) && (compared || !openingLevel(s.text))),
      );
    }
    const keys = new Set(levels.map((l) => l.key));
    const naming = sentences
      .filter((s) => levelsOf(s.text).some((l) => keys.has(l.key)))
      .slice(0, MAX_LEVEL_SENTENCES);
    if (naming.length === 0) return picked;
    return sentences.filter((s) => naming.includes(s) || picked.includes(s));
  }

  /**
   * The sentences picked, in their order, each with what it cannot go without: the sentence a
   * list continues ("… gồm 9 dịch vụ." before "Đó là: tạo và phân phối cặp khóa; …"), and the
   * note that qualifies it ("Lưu ý: từ ngày 01/7/2025 … không còn cấp huyện." after the list of
   * bodies that must apply ISO 9001).
   */
  private withContext(passage: Passage, picked: AnalyzedSentence[]): AnalyzedSentence[] {
    const { sentences } = this.sections.of(passage);
    const out: AnalyzedSentence[] = [];
    const add = (s: AnalyzedSentence | undefined) => {
      if (s && !out.includes(s)) out.push(s);
    };
    for (const sentence of picked) {
      const at = sentences.indexOf(sentence);
      if (CONTINUES_LIST.test(sentence.text)) add(sentences[at - 1]);
      add(sentence);
      const after = sentences[at + 1];
      if (after && QUALIFYING_NOTE.test(after.text)) add(after);
    }
    return out;
  }

  /** The last answer's sources (those still here); not found when there are none. */
  private sourcesOf(question: string, context: AskContext): AnswerResult {
    const citations: Citation[] = [];
    for (const { docId, section: label } of context.previousSources ?? []) {
      const document = this.byId.get(docId);
      const section = document?.sections.find((s) => s.label === label);
      if (document && section) citations.push(this.cite({ document, section }));
    }
    const found = citations.length > 0;
    return {
      question: question.trim(),
      query: context.previousQuery ?? '',
      answered: found,
      sentences: [],
      citations,
      suggestions: found ? [] : this.suggest([]),
      confidence: found ? 1 : 0,
      ...(found ? { sourcesOfPrevious: true } : {}),
    };
  }

  private cite({ document: doc, section }: Pick<Passage, 'document' | 'section'>): Citation {
    const replacements = (doc.replacedBy ?? [])
      .map((id) => this.byId.get(id))
      .filter((d) => d !== undefined);
    return {
      docId: doc.id,
      number: doc.number,
      title: doc.title,
      section: section.label,
      status: doc.status,
      url: doc.source ?? '',
      replacedBy:
        replacements.length > 0
          ? replacements.map((d) => ({ docId: d.id, number: d.number, title: d.title }))
          : undefined,
    };
  }

  private suggest(passages: Passage[]): string[] {
    const ids: string[] = [];
    for (const p of passages) for (const t of p.document.topics) if (!ids.includes(t)) ids.push(t);
    for (const t of FALLBACK_TOPICS) if (!ids.includes(t)) ids.push(t);
    return ids
      .map((id) => this.options.topics[id])
      .filter((name): name is string => Boolean(name))
      .slice(0, 3);
  }
}

/**
 * The question's own words, as coverage terms of one syllable, without the unit the figure is
 * counted in ("mấy lần": "lần"): a sentence stating the number must share one of them.
 */
function askedWords(query: BuiltQuery, figure: AskedFigure): string[] {
  const units = new Set(figure.units ?? []);
  return query.coreTerms.filter(
    (t) => !t.includes('_') && !units.has(t) && !units.has(t.replace(/^~/, '')),
  );
}

/** Whether the word joins the two sides of a choice: "hay", "hoặc". */
function isChoice(word: QueryWord): boolean {
  return word.folded === 'hay' || word.folded === 'hoac';
}
