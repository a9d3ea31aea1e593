import type { FigureKind } from '../language';

/** Legal status of a document, as recorded in its front matter. */
export type DocumentStatus = 'in-force' | 'amended' | 'replaced';

/** One knowledge document (a legal text or a practical guide), split into sections. */
export interface KnowledgeDocument {
  id: string;
  title: string;
  /** Số hiệu, e.g. `20/2023/QH15`; empty for the project's own guides. */
  number: string;
  issuer: string;
  issued?: string;
  effective?: string;
  status: DocumentStatus;
  /** For a replaced document: the ids of what replaced it, several when each replaced a part. */
  replacedBy?: string[];
  source?: string;
  topics: string[];
  /** Path relative to the knowledge directory, for error messages. */
  file: string;
  sections: Section[];
}

/** A retrievable unit: an article (`Điều 22`) of a legal text, or a heading of a guide. */
export interface Section {
  docId: string;
  /** Short, citable label: `Điều 22`, `Phụ lục I, mục II.7`, or the guide heading. */
  label: string;
  /** The full heading line as written, without the `#` marks. */
  heading: string;
  /** Body text (Markdown stripped of the heading), NFC. */
  text: string;
  /** 1-based line of the heading in its file. */
  line: number;
}

/** What a citation shows a user: enough to find the text and judge whether it still applies. */
export interface Citation {
  docId: string;
  number: string;
  title: string;
  section: string;
  status: DocumentStatus;
  url: string;
  /** For a replaced document: what replaced it, when known (several when each replaced a part). */
  replacedBy?: { docId: string; number: string; title: string }[];
}

/** A sentence of the answer, attributed to one citation (1-based marker `[n]`). */
export interface AnswerSentence {
  text: string;
  citation: number;
  /** Further citations that say the same (a guide restating the article): `[1][2]`. */
  alsoCitations?: number[];
}

/** The structured result of answering a question; `dialogs/` renders it in Vietnamese. */
export interface AnswerResult {
  question: string;
  /** The query actually searched (differs from `question` for a follow-up). */
  query: string;
  answered: boolean;
  sentences: AnswerSentence[];
  citations: Citation[];
  /** Topics to suggest when nothing was found. */
  suggestions: string[];
  /** Confidence of the best passage, 0..1. */
  confidence: number;
  /**
   * When not answered because the documents hardly know what is asked about: those words of the
   * question, as phrases ("lương", "khiếu nại").
   */
  unknownWords?: string[];
  /**
   * When not answered because the question names documents the knowledge base does not have: their
   * names or numbers as typed ("Luật Cán bộ, công chức").
   */
  unknownDocuments?: string[];
  /**
   * When not answered because the question names articles of a document the knowledge base has,
   * but not those articles: it holds some of the document's articles only.
   */
  unknownArticles?: UnknownArticles;
  /**
   * When not answered because the question asks for a figure ("bao nhiêu tiền", "bao lâu", "ngày
   * nào") and the passages that match it state none of that kind.
   */
  unstatedFigure?: FigureKind;
  /**
   * The question asked where the last answer comes from ("điều nào quy định?"): `citations` are
   * that answer's sources (`AskContext.previousSources`), `sentences` is empty.
   */
  sourcesOfPrevious?: boolean;
}

/** Articles a question names ("Điều 26 Nghị định 30/2020") that the knowledge base lacks. */
export interface UnknownArticles {
  /** As section labels: ["Điều 26"]; an appendix by its name ("Phụ lục II"). */
  articles: string[];
  document: { number: string; title: string };
  /**
   * The articles and appendices of the document the knowledge base has, in the document's order
   * (appendices first when one was asked).
   */
  available: string[];
}

/** Context carried between turns of one conversation, to understand short follow-ups. */
export interface AskContext {
  /** The query of the last answered question (`AnswerResult.query`), for a short follow-up. */
  previousQuery?: string;
  /**
   * That question as typed: a follow-up that asks no figure of its own asks for its figure ("Mua
   * bán dữ liệu cá nhân bị phạt tối đa bao nhiêu?" → "còn cá nhân thì sao?").
   */
  previousQuestion?: string;
  /**
   * The sections the last answer cited, for a question that asks where it comes from ("điều nào
   * quy định?", "theo văn bản nào?").
   */
  previousSources?: { docId: string; section: string }[];
}

/** The question-answering port used by the bot and the CLIs. */
export interface QuestionAnswerer {
  /** Answers one question; never throws for bad user text (empty input gives `answered: false`). */
  ask(question: string, context?: AskContext): Promise<AnswerResult>;
}
