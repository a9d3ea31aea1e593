import {
  askedFigure,
  askedSignerOf,
  askingWords,
  asksHowTo,
  askedPredicate,
  definedTerms,
  DOCUMENT_KINDS,
  documentNumberKey,
  documentNumbers,
  type DocumentReference,
  type DefinedTerm,
  type AskedFigure,
  FOLDED_PREFIX,
  foldDiacritics,
  foldedTerm,
  hasDiacritics,
  hasImpossibleMarks,
  incidentalWords,
  isFunctionWord,
  isChatParticle,
  isScenario,
  lawNames,
  namedLevels,
  comparedLevels,
  asksDifference,
  namedPlaces,
  namedYears,
  type NamedLevel,
  type NamedPlace,
  looksLikeFollowUp,
  asksBareFigure,
  asksOwnQuestion,
  withoutDocumentReference,
  normalizeText,
  projectNumbers,
  sentencesOf,
  stripAskerRole,
  stripFollowUpMarkers,
  stripQuestionFrames,
  tellsSituation,
  type VietnameseAnalyzer,
} from '../language';
import type { WeightedTerm } from './lexical-index';

/** A question turned into weighted search terms, ready for the index. */
export interface BuiltQuery {
  /** The query as understood, in words (for a follow-up: previous query + this question). */
  text: string;
  terms: WeightedTerm[];
  /** Content syllables and bigrams of the question itself, to measure how well a passage covers it. */
  coreTerms: string[];
  /**
   * Core terms typed as one phrasing of a glossary group ("share"), with the terms of each other
   * phrasing (["~chia_se"]; a phrase by its folded pairs): a passage that has all the terms of one
   * of them covers the term.
   */
  coreAlternatives?: ReadonlyMap<string, readonly (readonly string[])[]>;
  /**
   * The question's own words after its framing, in order, for the answerer's check that the
   * passage knows what is asked about (see `ExtractiveAnswerer`).
   */
  words: QueryWord[];
  /**
   * Documents the question names (by a law's name or a số hiệu) when the knowledge base has none
   * of them, as typed ("Luật Cán bộ, công chức"): it cannot answer what such a document says.
   */
  unknownDocuments?: string[];
  /** Documents the question names explicitly ("theo Nghị định 30/2020"); search only those. */
  documents?: Set<number>;
  /** Articles the question names ("Điều 22", "khoản 3 Điều 2"), as section labels (`Điều 22`). */
  articles?: string[];
  /**
   * Appendices the question names ("Phụ lục II"), as a document's sections start their labels
   * ("Phụ lục I, mục II.8b"). Their words stay in the query: an appendix's sections use them.
   */
  appendices?: string[];
  /**
   * For a scenario told in several sentences, the coverage terms of its last sentence: a passage
   * that covers the question itself answers it, whatever the story's details.
   */
  closingCore?: { terms: string[]; alternatives?: ReadonlyMap<string, readonly (readonly string[])[]> };
  /** Terms the question asks to define ("X là gì?", "Thế nào là X?"). */
  definitions?: DefinedTerm[];
  /**
   * What a yes/no question asks of its subject, as folded syllable terms ("… có được gia hạn
   * không?" → ~gia, ~han): the sentence with all of them says yes or no.
   */
  predicate?: string[];
  /** The figure the question asks for ("bao nhiêu tiền", "bao lâu", "ngày nào"), if any. */
  figure?: AskedFigure;
  /**
   * The years the figure is asked for ("Năm 2023, … xếp thứ mấy?"), with a figure other than a
   * document only: a passage states the figure for one of them, not for another year.
   */
  figureYears?: string[];
  /** A contest-style scenario: a situation, then "Việc nên làm là gì?" (see `isScenario`). */
  scenario?: boolean;
  /** Levels and versions the question names ("mức 2", "cấp độ 3", "Windows 11"). */
  levels?: NamedLevel[];
  /** Levels the question compares ("mức 2 với mức 3 khác nhau ở chỗ nào?"): the answer shows each. */
  comparedLevels?: NamedLevel[];
  /** Whether the question asks how things differ ("khác nhau ở chỗ nào", "so với", "phân biệt"). */
  asksDifference?: boolean;
  /**
   * Whether it asks the steps of a task ("cách cài …", "hướng dẫn …"): a product it names that
   * the documents do not know is then what it is about (`ExtractiveAnswerer`).
   */
  howTo?: boolean;
  /** Provinces and cities the question names ("tỉnh An Giang", "TP Đà Nẵng"). */
  places?: NamedPlace[];
  /**
   * A follow-up that may be a question of its own: a figure asked with next to no words ("Phạt
   * bao nhiêu?"), or one asking something itself ("còn chữ ký số là gì?"). The answerer asks it
   * alone when the follow-up reading finds nothing.
   */
  mayStandAlone?: boolean;
  followUp: boolean;
}

/** A word of the question, as the answerer checks it against the documents. */
export interface QueryWord {
  /** The syllable as typed (canonical, lowercase). */
  typed: string;
  /** Its coverage term: exact when typed with (possible) marks, else `~` + folded. */
  term: string;
  /** Folded, without prefix. */
  folded: string;
  /**
   * Whether it names what is asked about and must be known to the answer: a content word that is
   * not a number, not an asking word ("bao lâu"), not explained by the glossary and not incidental
   * to the asker's story (`incidentalWords`: "phó giám đốc", "mấy chục", "lạ hoắc", "Chiều nay").
   */
  checked: boolean;
}

export interface NamedDocument {
  title: string;
  number: string;
  /** Its text, where other documents are cited ("thay thế Luật Công nghệ thông tin số 67/2006/QH11"). */
  sections?: readonly { text: string }[];
}

/** Weight of grammatical words ("thì", "của") relative to content words. */
const FUNCTION_WORD_WEIGHT = 0.3;
/** Weight of glossary expansions (CĐS → chuyển đổi số) relative to the words as typed. */
const EXPANSION_WEIGHT = 0.5;
/** Weight of the previous question's terms when a follow-up is completed with them. */
const PREVIOUS_WEIGHT = 0.5;
/** Words that name a kind of document ("nghị định", "NĐ"), as folded syllables, with its code. */
const KIND_WORDS = DOCUMENT_KINDS.flatMap(({ code, words }) =>
  words.map((w) => ({ words: w.split(' '), code })),
);
const DIGITS = /^\d+$/;
/** A scenario's last sentence is a question of its own with at least this many content words. */
const CLOSING_MIN_WORDS = 3;
/** Words of a law's name compared with the documents' (enough to tell "Luật Bảo vệ dữ liệu …" apart). */
const NAME_KEY_WORDS = 3;
/**
 * A question names a document by the opening of its title when it has at least this many of the
 * title's first syllables in a row (abbreviations expanded: "CNTT" is "công nghệ thông tin")...
 */
const TITLE_OPENING_MIN = 8;
/** ...and at least this share of the title. */
const TITLE_OPENING_SHARE = 0.5;

/**
 * Builds queries: strips question framing, detects documents named in the question (by title or
 * by number such as `30/2020` or `NĐ 30`), and completes short follow-ups with the previous query.
 */
export class QueryBuilder {
  /**
   * Folded titles of several syllables, longest first; `padded` is ` phrase ` for matching, `first`
   * its first syllable (a title can only be in a question that has that syllable).
   */
  private readonly titles: {
    phrase: string;
    padded: string;
    /** The title's words with abbreviations spelled out ("TP" → "thanh pho"), folded. */
    words: string[];
    first: string;
    doc: number;
  }[];

  /**
   * Laws the documents are, name in their titles or cite in their text, by the first one to
   * {@link NAME_KEY_WORDS} folded words of their names ("an", "an ninh", "an ninh mang").
   */
  private readonly knownNames = new Set<string>();
  /** Keys (`documentNumberKey`) of the documents' số hiệu and of those their text cites. */
  private readonly knownNumbers = new Set<string>();
  /** Each document's `documentNumberKey` ("30/2020/nd"), in order; undefined for a guide. */
  private readonly numberKeys: (string | undefined)[];
  /** The keys of the documents' own số hiệu (not those their text cites). */
  private readonly heldNumbers: Set<string | undefined>;

  constructor(
    private readonly analyzer: VietnameseAnalyzer,
    private readonly documents: NamedDocument[],
  ) {
    const knowName = (words: string[]) => {
      for (let n = 1; n <= Math.min(words.length, NAME_KEY_WORDS); n++) {
        this.knownNames.add(words.slice(0, n).join(' '));
      }
    };
    const titleSyllables = documents.map((d) => analyzer.syllables(d.title));
    const foldedTitles = titleSyllables.map((words) => words.map(foldDiacritics));
    for (const words of foldedTitles) {
      for (let i = 0; i < words.length; i++) if (words[i] === 'luat') knowName(words.slice(i + 1));
    }
    this.numberKeys = documents.map((d) => documentNumberKey(d.number));
    this.heldNumbers = new Set(this.numberKeys);
    for (const [i, d] of documents.entries()) {
      const key = this.numberKeys[i];
      if (key) this.knownNumbers.add(key);
      for (const { text } of d.sections ?? []) {
        for (const r of documentReferences(text)) {
          if (r.kind === 'number') this.knownNumbers.add(r.key);
          else if (r.kind === 'name') knowName(r.key.split(' '));
        }
      }
    }
    this.titles = foldedTitles
      .map((words, doc) => {
        const phrase = words.join(' ');
        return {
          phrase,
          padded: ` ${phrase} `,
          words: this.spelledOut(titleSyllables[doc]!, words).words,
          first: words[0]!,
          doc,
        };
      })
      .filter((t) => t.phrase.includes(' '))
      // Longer titles first, so "bộ luật dân sự" wins over a shorter title it contains.
      .sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /**
   * `previousQuery`: the query of the question before (`BuiltQuery.text`), which a follow-up is
   * completed with; `previousQuestion`: that question as typed, whose figure a follow-up that asks
   * none of its own asks for.
   */
  build(question: string, previousQuery?: string, previousQuestion?: string): BuiltQuery {
    const normalized = normalizeText(question);
    const all = this.analyzer.syllables(stripAskerRole(normalized));
    const previous = previousQuestion === undefined ? undefined : normalizeText(previousQuestion);
    // After a question that names a document, "ai ký?" asks who signed it and "nó quy định những
    // gì?" what it rules: asked of the document itself ("30/2020/NĐ-CP ai ký?"), not of the
    // article the question before was about.
    if (previous) {
      const signer = askedSignerOf(normalized, previous) && asksBareFigure(all, true);
      const rest = signer ? all : withoutDocumentReference(all);
      const docs = rest && this.documentsNamedIn(previous);
      if (rest && docs) {
        const reference = [...docs].map((d) => this.documents[d]!.number || this.documents[d]!.title);
        return { ...this.build(`${reference.join(', ')} ${rest.join(' ')}`), followUp: true };
      }
    }
    const ownFigure = askedFigure(normalized);
    // "bao lâu làm một lần?" after another question asks a figure of its topic.
    const bare = Boolean(previousQuery) && asksBareFigure(all, ownFigure !== undefined);
    const followUp = bare || (Boolean(previousQuery) && looksLikeFollowUp(all));
    const definitions = definedTerms(all);
    // Asked in the question's last clause: "…, có nên tắt máy ngay không?".
    const lastClause = sentencesOf(normalized).at(-1)?.split(/[,:]/).at(-1) ?? '';
    const predicate = askedPredicate(this.analyzer.syllables(lastClause))?.map(foldedTerm);
    let syllables = stripQuestionFrames(followUp ? stripFollowUpMarkers(all) : all);
    // "CĐS là gì?" asks what the words it stands for mean: the documents define those, and use the
    // abbreviation in other senses ("Luật CĐS"). Both the term and the search are spelled out (the
    // abbreviation wherever the question has it), so it is searched as "Chuyển đổi số là gì?" is.
    definitions.forEach((term, i) => {
      const spelled = this.spelledOutTerm(term);
      if (!spelled) return;
      definitions[i] = spelled.term;
      syllables = syllables.flatMap((s) => (s === spelled.abbreviation ? spelled.words : [s]));
    });
    const { folded, exact, content, expanded, asking, synonyms, coreTerms, coreAlternatives } =
      this.coverageTerms(syllables);
    // A bare figure's few words say too little of what is asked: a passage covers the topic too.
    if (bare && previousQuery) {
      const topic = this.coverageTerms(this.analyzer.syllables(previousQuery.replace(/\|/g, ' ')));
      for (const t of topic.coreTerms) if (!coreTerms.includes(t)) coreTerms.push(t);
    }
    const scenario = isScenario(normalized);
    const closingCore =
      scenario || tellsSituation(normalized) ? this.closingCore(normalized) : undefined;
    const incidental = incidentalWords(syllables, folded);
    const words: QueryWord[] = syllables.map((typed, i) => ({
      typed,
      term: exact[i]!,
      folded: folded[i]!,
      checked:
        content[i]! &&
        !expanded[i] &&
        !synonyms[i] &&
        !asking[i] &&
        !incidental[i] &&
        !DIGITS.test(folded[i]!),
    }));
    const named = this.named(syllables, folded, normalized);
    if (named.phrase) {
      const remaining = removePhrase(syllables, named.phrase);
      if (remaining.length > 0) syllables = remaining;
    } else if (named.positions) {
      const { positions } = named;
      const remaining = syllables.filter((_, i) => !positions.has(i));
      if (remaining.length > 0) syllables = remaining;
    }
    let referenceWords: string[] | undefined;
    if (named.docs.size > 0) {
      // "Nghị định 30/2020/NĐ-CP", "NĐ 68": the reference picked the document; its words are
      // in that document's general section, not in the article asked about, so they weigh little.
      const reference = numberReferences(syllables.map(foldDiacritics));
      if (reference.size > 0 && reference.size < syllables.length) {
        referenceWords = syllables.filter((_, i) => reference.has(i));
        syllables = syllables.filter((_, i) => !reference.has(i));
      }
    }
    // "còn cá nhân thì sao?" asks the figure of the question before ("… bị phạt bao nhiêu?") of
    // another thing; "nó quy định những gì?" asks a question of its own.
    let figure =
      ownFigure ??
      (followUp && previous && !asksOwnQuestion(all) ? askedFigure(previous) : undefined);
    // A figure of a document the knowledge base only cites ("Theo Thông tư 116/2015/TT-BTC, mức
    // chi … là bao nhiêu?"): only a sentence naming it states it, as for a signer.
    if (figure && !figure.subject && named.docs.size === 0) {
      const cited = this.citedOnly(normalized);
      if (cited) figure = { ...figure, subject: cited };
    }
    const figureYears = figure && figure.kind !== 'document' ? namedYears(normalized) : [];
    const levels = namedLevels(normalized);
    const compared = comparedLevels(normalized);
    const places = namedPlaces(normalized);
    const articles = namedArticles(syllables);
    const appendices = namedAppendices(syllables);
    if (articles.labels.length > 0) {
      const remaining = syllables.filter((_, i) => !articles.positions.has(i));
      if (remaining.length > 0) syllables = remaining;
    }
    const unknownDocuments =
      named.docs.size === 0 ? this.unknownDocuments(normalized) : undefined;
    const own = syllables.join(' ');
    const terms = this.toWeighted(
      this.analyzer.weightedSyllableTerms(syllables, {
        functionWord: FUNCTION_WORD_WEIGHT,
        expansion: EXPANSION_WEIGHT,
      }),
      1,
    );
    let text = own;
    if (referenceWords) {
      // Kept as grammatical words are: enough for a question about the document itself ("NĐ 68
      // quy định về nội dung gì?") to find its general section.
      addNewTerms(terms, this.weigh(referenceWords.join(' '), FUNCTION_WORD_WEIGHT));
    }
    if (followUp && previousQuery) {
      addNewTerms(terms, this.weigh(previousQuery, PREVIOUS_WEIGHT));
      text = `${previousQuery} | ${own}`;
    }
    return {
      text,
      terms,
      coreTerms,
      ...(coreAlternatives ? { coreAlternatives } : {}),
      words,
      ...(unknownDocuments ? { unknownDocuments } : {}),
      documents:
        named.docs.size > 0
          ? named.docs
          : followUp && previous
            ? this.documentsNamedIn(previous)
            : undefined,
      articles: articles.labels.length > 0 ? articles.labels : undefined,
      ...(appendices.length > 0 ? { appendices } : {}),
      definitions: definitions.length > 0 ? definitions : undefined,
      ...(predicate ? { predicate } : {}),
      ...(figure ? { figure } : {}),
      ...(figureYears.length > 0 ? { figureYears } : {}),
      ...(scenario ? { scenario: true } : {}),
      ...(closingCore ? { closingCore } : {}),
      ...(levels.length > 0 ? { levels } : {}),
      ...(compared.length > 0 ? { comparedLevels: compared } : {}),
      ...(compared.length > 0 && asksDifference(normalized) ? { asksDifference: true } : {}),
      ...(places.length > 0 ? { places } : {}),
      ...(asksHowTo(normalized) ? { howTo: true } : {}),
      ...(bare || (followUp && asksOwnQuestion(all)) ? { mayStandAlone: true } : {}),
      followUp,
    };
  }

  /**
   * The documents a question names, if any: a follow-up that names none ("ai ký?") asks about
   * those of the question before ("Nghị định 30/2020 có hiệu lực từ ngày nào?").
   */
  private documentsNamedIn(normalized: string): Set<number> | undefined {
    const syllables = this.analyzer.syllables(stripAskerRole(normalized));
    const { docs } = this.named(syllables, syllables.map(foldDiacritics), normalized);
    return docs.size > 0 ? docs : undefined;
  }

  /** The documents the question names by title, by number, abbreviated or by a title's opening. */
  private named(
    syllables: string[],
    folded: string[],
    normalized: string,
  ): { docs: Set<number>; phrase?: string; positions?: Set<number> } {
    let named: { docs: Set<number>; phrase?: string; positions?: Set<number> } =
      this.namedDocuments(folded, normalized);
    if (named.docs.size === 0) named = this.namedAbbreviated(syllables, folded);
    if (named.docs.size === 0) named = this.namedByTitleOpening(syllables, folded);
    return named;
  }

  /**
   * The terms that measure how well a passage covers the syllables (see `BuiltQuery.coreTerms`),
   * and how each syllable was read for them.
   */
  private coverageTerms(syllables: string[]) {
    // Coverage terms: a syllable typed with diacritics must match exactly (phở is not phó);
    // one typed without them, or with marks that cannot be right ("luât" for "luật", "ngừoi" for
    // "người"), matches by its folded form.
    const folded = syllables.map(foldDiacritics);
    const marked = syllables.map((s) => hasDiacritics(s) && !hasImpossibleMarks(s));
    const exact = syllables.map((s, i) => (marked[i] ? s : FOLDED_PREFIX + folded[i]!));
    const pair = (i: number) =>
      marked[i - 1] && marked[i]
        ? `${syllables[i - 1]}_${syllables[i]}`
        : `${FOLDED_PREFIX}${folded[i - 1]}_${folded[i]}`;
    const content = syllables.map((s) => !isFunctionWord(s));
    const particle = syllables.map(isChatParticle);
    // An abbreviation ("BHXH") is covered by the words it stands for, as the documents write them.
    const expanded = syllables.map((s) => this.analyzer.abbreviationExpansions(s)?.[0]);
    // Asking words ("bao lâu") say what kind of answer is wanted, not what about: the passage need
    // not have them.
    const asking = askingWords(syllables);
    const core = new Set<string>();
    for (let i = 0; i < syllables.length; i++) {
      if (asking[i]) continue;
      const expansion = expanded[i];
      if (expansion) {
        const words = expansion.map(foldDiacritics);
        words.forEach((w, j) => {
          if (!isFunctionWord(w)) core.add(FOLDED_PREFIX + w);
          if (j > 0) core.add(`${FOLDED_PREFIX}${words[j - 1]}_${w}`);
        });
        continue;
      }
      if (content[i]) core.add(exact[i]!);
      if (
        i > 0 &&
        (content[i] || content[i - 1]) &&
        !particle[i] &&
        !particle[i - 1] &&
        !expanded[i - 1] &&
        !asking[i - 1]
      ) {
        core.add(pair(i));
      }
    }
    const coreTerms = [...core];
    const synonymMatches = this.analyzer.synonymMatches(syllables);
    const synonyms = syllables.map(() => false);
    let coreAlternatives: Map<string, string[][]> | undefined;
    for (const { start, length, others } of synonymMatches) {
      // Each other phrasing by its folded pairs of words, or its one word.
      const alternatives = others.map((o) => {
        const f = o.map(foldDiacritics);
        if (f.length === 1) return [FOLDED_PREFIX + f[0]!];
        return f.slice(1).map((w, j) => `${FOLDED_PREFIX}${f[j]}_${w}`);
      });
      for (let j = start; j < start + length; j++) {
        synonyms[j] = true;
        if (!core.has(exact[j]!)) continue;
        coreAlternatives ??= new Map();
        coreAlternatives.set(exact[j]!, [...(coreAlternatives.get(exact[j]!) ?? []), ...alternatives]);
      }
    }
    return { folded, exact, content, expanded, asking, synonyms, coreTerms, coreAlternatives };
  }

  /**
   * A scenario told in several sentences: the coverage terms of its last one, the question itself
   * ("… Tôi có bắt buộc phải vào sổ ngay trong chiều nay không?").
   */
  private closingCore(normalized: string): BuiltQuery['closingCore'] {
    const sentences = sentencesOf(normalized);
    if (sentences.length < 2) return undefined;
    const syllables = stripQuestionFrames(this.analyzer.syllables(sentences[sentences.length - 1]!));
    const { coreTerms, coreAlternatives } = this.coverageTerms(syllables);
    // "Việc nên làm là gì?" asks nothing of its own: the story is the question.
    if (coreTerms.filter((t) => !t.includes('_')).length < CLOSING_MIN_WORDS) return undefined;
    return coreAlternatives ? { terms: coreTerms, alternatives: coreAlternatives } : { terms: coreTerms };
  }

  private weigh(text: string, weight: number): WeightedTerm[] {
    const weights = this.analyzer.weightedTerms(text, {
      functionWord: FUNCTION_WORD_WEIGHT,
      expansion: EXPANSION_WEIGHT,
    });
    return this.toWeighted(weights, weight);
  }

  private toWeighted(weights: Map<string, number>, weight: number): WeightedTerm[] {
    const out: WeightedTerm[] = [];
    for (const [term, w] of weights) out.push({ term, weight: w * weight });
    return out;
  }

  /**
   * The documents the question names by a law's name or a số hiệu, as typed, when the knowledge
   * base has none of them; undefined when it names none, or one the knowledge base has.
   */
  private unknownDocuments(text: string): string[] | undefined {
    const references = documentReferences(text);
    if (references.length === 0 || references.some((r) => this.knows(r))) return undefined;
    return references.map((r) => r.text);
  }

  /**
   * The number (before its slash: "116") of the first document the question names by số hiệu that
   * the knowledge base does not have but cites in its text.
   */
  private citedOnly(text: string): string | undefined {
    if (!text.includes('/')) return undefined;
    const cited = documentNumbers(text).find(
      (r) => this.knownNumbers.has(r.key) && !this.heldNumbers.has(r.key),
    );
    return cited?.key.split('/')[0];
  }

  /** Whether the knowledge base has the document, or cites it in its text. */
  private knows(reference: DocumentReference): boolean {
    if (reference.kind === 'number') return this.knownNumbers.has(reference.key);
    if (reference.kind === 'project') {
      // Known when a decision of that number is: "Đề án 2256" is approved by 2256/QĐ-UBND.
      return [...this.knownNumbers].some((k) => String(parseInt(k, 10)) === reference.key);
    }
    let words = reference.key.split(' ');
    // "Luật CĐS": the name abbreviated, as the glossary knows it.
    const expansion = this.analyzer.abbreviationExpansions(words[0]!)?.[0];
    if (expansion) words = [...expansion.map(foldDiacritics), ...words.slice(1)];
    return this.knownNames.has(words.slice(0, NAME_KEY_WORDS).join(' '));
  }

  /**
   * The document whose whole title the question names with an abbreviation the glossary spells
   * out ("Luật ANM 2025 điều 20 …" names "Luật An ninh mạng", "Luật CĐS" "Luật Chuyển đổi số").
   * `positions`: the question's syllables that name it (to leave the query).
   */
  private namedAbbreviated(
    syllables: string[],
    folded: string[],
  ): { docs: Set<number>; positions?: Set<number> } {
    const docs = new Set<number>();
    const { words, from } = this.spelledOut(syllables, folded);
    // Nothing spelled out: `namedDocuments` has read these words as typed.
    if (words.length === folded.length) return { docs };
    for (const t of this.titles) {
      const title = t.words;
      for (let start = 0; start + title.length <= words.length; start++) {
        if (!title.every((w, j) => words[start + j] === w)) continue;
        const positions = new Set(from.slice(start, start + title.length));
        // One of its words is an abbreviation, or `namedDocuments` would have found it.
        if (positions.size === title.length) continue;
        docs.add(t.doc);
        return { docs, positions };
      }
    }
    return { docs };
  }

  /**
   * The documents whose title opens with a run of the question's words (see
   * {@link TITLE_OPENING_MIN}): "Cuộc thi đánh giá năng lực ứng dụng CNTT, chuyển đổi số của TP
   * Cần Thơ được tổ chức lần đầu khi nào?" names "Cuộc thi đánh giá năng lực ứng dụng công nghệ
   * thông tin, chuyển đổi số của cán bộ lãnh đạo, quản lý TP Cần Thơ". Short and legal names are
   * {@link namedDocuments}' to find; this is for the long titles of guides and programmes, which
   * questions shorten. `positions`: the question's syllables that name it (to leave the query).
   */
  private namedByTitleOpening(
    syllables: string[],
    folded: string[],
  ): { docs: Set<number>; positions?: Set<number> } {
    const docs = new Set<number>();
    if (folded.length < TITLE_OPENING_MIN) return { docs };
    const { words, from } = this.spelledOut(syllables, folded);
    const starts = new Map<string, number[]>();
    words.forEach((w, i) => starts.set(w, [...(starts.get(w) ?? []), i]));
    let best = 0;
    let positions: Set<number> | undefined;
    for (const t of this.titles) {
      const title = t.words;
      const needed = Math.max(TITLE_OPENING_MIN, Math.ceil(title.length * TITLE_OPENING_SHARE));
      if (title.length < needed) continue;
      for (const start of starts.get(title[0]!) ?? []) {
        let n = 0;
        while (n < title.length && words[start + n] === title[n]) n++;
        if (n < needed || n < best) continue;
        // As typed: an abbreviation spelled out on both sides ("ISO") is one word of the question.
        if (from[start + n - 1]! - from[start]! + 1 < TITLE_OPENING_MIN) continue;
        if (n > best) {
          docs.clear();
          best = n;
          // The run, and the title's other words next to it ("… của TP Cần Thơ").
          const inTitle = new Set(title);
          let end = start + n;
          while (end < words.length && inTitle.has(words[end]!)) end++;
          positions = new Set(from.slice(start, end));
        }
        docs.add(t.doc);
      }
    }
    return positions ? { docs, positions } : { docs };
  }

  /**
   * A defined term that is an abbreviation, where the question asks it ("CKS là gì?", "Thế nào là
   * CĐS?": next to the asking words), with the abbreviation spelled out as the glossary has it.
   * An abbreviation further from them is one of the question's other words ("Theo ISO, cách xử
   * lý đúng là gì?").
   */
  private spelledOutTerm(
    term: DefinedTerm,
  ): { term: DefinedTerm; abbreviation: string; words: string[] } | undefined {
    const at = term.anchor === 'end' ? term.syllables.length - 1 : 0;
    const abbreviation = term.syllables[at]!;
    const words = this.analyzer.abbreviationExpansions(abbreviation)?.[0];
    if (!words) return undefined;
    const syllables = [...term.syllables.slice(0, at), ...words, ...term.syllables.slice(at + 1)];
    return { term: { ...term, syllables }, abbreviation, words };
  }

  /**
   * The syllables with abbreviations spelled out as the glossary has them, folded, each with the
   * position of the syllable it comes from.
   */
  private spelledOut(
    syllables: readonly string[],
    folded: readonly string[] = syllables.map(foldDiacritics),
  ): { words: string[]; from: number[] } {
    const words: string[] = [];
    const from: number[] = [];
    syllables.forEach((s, i) => {
      const expansion = this.analyzer.abbreviationExpansions(s)?.[0];
      for (const w of expansion ? expansion.map(foldDiacritics) : [folded[i]!]) {
        words.push(w);
        from.push(i);
      }
    });
    return { words, from };
  }

  /** `words`: the question's syllables, folded. */
  private namedDocuments(words: string[], text: string): { docs: Set<number>; phrase?: string } {
    const docs = new Set<number>();
    const present = new Set(words);
    let folded: string | undefined;
    let phrase: string | undefined;
    for (const t of this.titles) {
      if (!present.has(t.first)) continue;
      folded ??= ` ${words.join(' ')} `;
      if (folded.includes(t.padded)) {
        docs.add(t.doc);
        phrase = t.phrase;
        break;
      }
    }
    // Numbers: "30/2020", "68/2024/NĐ-CP", or a kind word followed by a number ("NĐ 30").
    if (text.includes('/')) {
      for (const m of text.matchAll(/(\d{1,4})\s*\/\s*(\d{4})/g)) {
        this.documents.forEach((d, i) => {
          if (d.number.startsWith(`${m[1]}/${m[2]}`)) docs.add(i);
        });
      }
    }
    if (docs.size === 0) {
      for (let i = 0; i + 1 < words.length; i++) {
        for (const kind of KIND_WORDS) {
          const num = words[i + kind.words.length];
          if (num === undefined || !DIGITS.test(num)) continue;
          if (!kind.words.every((w, j) => words[i + j] === w)) continue;
          this.numberKeys.forEach((key, j) => {
            if (key?.startsWith(`${num}/`) && key.endsWith(`/${kind.code}`)) docs.add(j);
          });
        }
      }
    }
    return { docs, phrase };
  }
}

/**
 * Articles named in the question: "Điều 22", "điều 22", "dieu 22", also inside "khoản 3 Điều 2"
 * or "điểm a khoản 1 Điều 8". Returns their labels and the syllable positions of the reference
 * (kept out of the search terms: the article's number is not in its text).
 */
function namedArticles(syllables: string[]): { labels: string[]; positions: Set<number> } {
  const labels: string[] = [];
  const positions = new Set<number>();
  const folded = syllables.map(foldDiacritics);
  for (let i = 0; i + 1 < folded.length; i++) {
    if (folded[i] !== 'dieu' || !/^\d{1,4}[a-z]?$/.test(folded[i + 1]!)) continue;
    const label = `Điều ${folded[i + 1]}`;
    if (!labels.includes(label)) labels.push(label);
    positions.add(i).add(i + 1);
    // "khoản 3" / "điểm a khoản 3" just before it belong to the reference too.
    let j = i - 1;
    while (j >= 1 && /^(?:khoan|diem)$/.test(folded[j - 1]!) && /^[\da-zđ]{1,3}$/.test(folded[j]!)) {
      positions.add(j).add(j - 1);
      j -= 2;
    }
  }
  return { labels, positions };
}

/** A roman numeral as an appendix is numbered, folded ("ii", "iv"). */
const ROMAN = /^(?:i{1,3}|iv|vi{0,3}|ix|x)$/;

/** "Phụ lục II", "phu luc iv": the appendices named, as labels ("Phụ lục II"). */
function namedAppendices(syllables: string[]): string[] {
  const labels: string[] = [];
  const folded = syllables.map(foldDiacritics);
  for (let i = 0; i + 2 < folded.length; i++) {
    if (folded[i] !== 'phu' || folded[i + 1] !== 'luc' || !ROMAN.test(folded[i + 2]!)) continue;
    const label = `Phụ lục ${folded[i + 2]!.toUpperCase()}`;
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** Appends the terms of `more` that `terms` does not have yet (those keep their weight). */
function addNewTerms(terms: WeightedTerm[], more: WeightedTerm[]): void {
  const present = new Set(terms.map((t) => t.term));
  for (const t of more) if (!present.has(t.term)) terms.push(t);
}

/** Folded issuer codes after a số hiệu's year ("/NĐ-CP", "/QĐ-TTg", "/QH15"). */
const ISSUER_CODE =
  /^(?:nd|cp|qd|ttg|nq|tt|qh\d*|ubnd|hdnd|tw|ubtvqh\d*|btttt|bnv|bca|btc|bkhcn|bkhdt|byt|bgddt|bqp|bct|btnmt|bxd|bgtvt|btp|bldtbxh|bnnptnt|bvhttdl|bng)$/;

/**
 * Where the kind words of a document end just before position `at` of the folded words: the
 * start of "nghị định (số)", "quyết định", "nghị quyết", "thông tư", "luật", or of an
 * abbreviation ("NĐ"), or -1.
 */
function kindStart(words: readonly string[], at: number): number {
  let end = at;
  if (words[end - 1] === 'so') end--;
  for (const kind of KIND_WORDS) {
    const start = end - kind.words.length;
    if (start >= 0 && kind.words.every((w, j) => words[start + j] === w)) return start;
  }
  return -1;
}

/**
 * Positions of the folded words that make up số hiệu references: the kind words, a number, and
 * its year and issuer codes when written out ("Nghị định số 30/2020/NĐ-CP", "NĐ 68",
 * "68/2024/NĐ-CP"). A number with neither a kind before it nor an issuer code after its year
 * ("từ 18 tuổi", "ngày 1/1/2025") is not one.
 */
function numberReferences(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!DIGITS.test(words[i]!)) continue;
    const start = kindStart(words, i);
    let end = i + 1;
    if (end < words.length && /^\d{4}$/.test(words[end]!)) {
      end++;
      while (end < words.length && ISSUER_CODE.test(words[end]!)) end++;
    }
    if (start < 0 && end - i < 3) continue;
    for (let j = start < 0 ? i : start; j < end; j++) out.add(j);
    i = end - 1;
  }
  return out;
}

/**
 * The laws, số hiệu and projects a text names; most texts name none (a name needs "Luật", a number
 * "/", a project "Đề án").
 */
function documentReferences(text: string): DocumentReference[] {
  const names = text.includes('uật') ? lawNames(text) : [];
  const numbered = text.includes('/') ? [...names, ...documentNumbers(text)] : names;
  return /[đd]ề án|de an/iu.test(text) ? [...numbered, ...projectNumbers(text)] : numbered;
}

function removePhrase(syllables: string[], phrase: string): string[] {
  const parts = phrase.split(' ');
  const folded = syllables.map(foldDiacritics);
  for (let i = 0; i + parts.length <= folded.length; i++) {
    if (parts.every((p, j) => folded[i + j] === p)) {
      return [...syllables.slice(0, i), ...syllables.slice(i + parts.length)];
    }
  }
  return syllables;
}
