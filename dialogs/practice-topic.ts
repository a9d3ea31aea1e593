import { foldDiacritics } from '../src/language';
import type { QuizTopicInfo } from './quiz-render-options';

const fold = (s: string): string =>
  foldDiacritics(s.normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Shortest query matched as part of a topic's name, so that "an" does not pick a topic. */
const MIN_PARTIAL = 3;

/**
 * The topic a person named after `/luyentap`: its id or its name, compared without diacritics,
 * case or punctuation; else the one topic whose id or name contains the words typed ("an toàn
 * thông tin" → `an-toan-thong-tin`). `undefined` when none or several match.
 */
export function matchTopic(
  topics: readonly QuizTopicInfo[],
  query: string,
): QuizTopicInfo | undefined {
  const wanted = fold(query);
  if (!wanted) return undefined;
  const exact = topics.find((t) => fold(t.id) === wanted || fold(t.name) === wanted);
  if (exact) return exact;
  if (wanted.length < MIN_PARTIAL) return undefined;
  const partial = topics.filter(
    (t) => ` ${fold(t.id)} `.includes(` ${wanted} `) || ` ${fold(t.name)} `.includes(` ${wanted} `),
  );
  return partial.length === 1 ? partial[0] : undefined;
}
