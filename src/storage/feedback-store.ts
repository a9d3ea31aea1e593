import type { Citation } from '../knowledge/types';

/** A vote on one answer. */
export type Vote = 'up' | 'down';

/** What the bot knows about an answer it is about to send. */
export interface NewAnswer {
  conversationId: string;
  userId: string;
  channelId: string;
  /** The question as the user asked it (normalised). */
  question: string;
  /** The query actually searched (differs from `question` for a follow-up). */
  query: string;
  answered: boolean;
  citations: Citation[];
  /**
   * What the knowledge base lacks, when that is why the question was not answered: documents the
   * question names ("Luật Cán bộ, công chức") or its words the documents do not know ("lương").
   * For the content team: what officials ask that is not written yet.
   */
  missing?: string[];
}

/** An answer as recorded. */
export interface AnswerRecord extends NewAnswer {
  id: string;
  createdAt: Date;
}

/** A 👍/👎 from one user on one answer, as received from a card button. */
export interface VoteInput {
  answerId: string;
  /** Conversation the vote came from: must be the answer's conversation. */
  conversationId: string;
  userId: string;
  vote: Vote;
}

/** A question the bot could not answer, grouped by its exact text. */
export interface UnansweredQuestion {
  question: string;
  times: number;
  lastAskedAt: Date;
  /** What the knowledge base lacks for it, when known (see `NewAnswer.missing`). */
  missing?: string[];
}

/**
 * Records every answer the bot gives and the votes users cast on them, for quality reports.
 *
 * Contract:
 * - `recordAnswer` stores the answer and returns it with a new unique, unguessable `id`.
 * - `recordVote` stores one vote per (answer, user); a second vote by the same user replaces the
 *   first and resolves to `'replaced'`, a first vote to `'recorded'`. It rejects with
 *   `InvalidInputError` for a malformed vote (wrong types or value) and with `NotFoundError` when
 *   no answer with that id exists in that conversation; in both cases nothing is stored.
 * - `listUnanswered` returns not-answered questions, most recent first.
 */
export interface FeedbackStore {
  recordAnswer(answer: NewAnswer): Promise<AnswerRecord>;
  recordVote(vote: VoteInput): Promise<'recorded' | 'replaced'>;
  getAnswer(id: string): Promise<AnswerRecord | undefined>;
  listUnanswered(options?: { since?: Date; limit?: number }): Promise<UnansweredQuestion[]>;
}
