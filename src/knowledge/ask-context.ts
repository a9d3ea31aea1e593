import type { AnswerResult, AskContext } from './types';

/**
 * The context the next question of a conversation is asked in, after `question` got `result`:
 * an answer becomes the context (its query, the question as typed, the sections it cited); a
 * refusal, or the sources of the answer before ("điều nào quy định?"), leave it as it was.
 */
export function contextAfter(
  context: AskContext,
  question: string,
  result: AnswerResult,
): AskContext {
  if (!result.answered || result.sourcesOfPrevious) return context;
  return {
    previousQuery: result.query,
    previousQuestion: question,
    previousSources: result.citations.map(({ docId, section }) => ({ docId, section })),
  };
}
