import path from 'node:path';
import { KnowledgeError } from '../errors';
import { quizFileSchema, type QuizQuestion } from './quiz-bank-schema';
import { parseYaml, pushSchemaIssues, readYamlFiles } from './yaml-file';

/** The part of a knowledge document the quiz bank needs to resolve `source` references. */
export interface QuizSourceDocument {
  id: string;
  sections: readonly { label: string }[];
}

/** A question together with the topic it belongs to and where it was read. */
export interface QuizBankQuestion extends QuizQuestion {
  topicId: string;
  /** `quiz/<file>.yaml:<line>` of the question, for messages. */
  location: string;
}

export interface QuizBankTopic {
  id: string;
  name: string;
  questions: QuizBankQuestion[];
}

/** Every quiz file, validated as a whole. */
export interface QuizBank {
  topics: QuizBankTopic[];
  questions: QuizBankQuestion[];
}

/**
 * Loads and validates every `*.yaml` file in `quizDir` against the schema and against the
 * given knowledge documents (each `source` must name an existing document and section label).
 * Either everything is valid and returned, or a `KnowledgeError` lists every problem as
 * `file:line: message` (file relative to the parent of `quizDir`, e.g. `quiz/iso.yaml`): it never
 * half-loads.
 */
export async function loadQuizBank(
  quizDir: string,
  documents: readonly QuizSourceDocument[],
): Promise<QuizBank> {
  const problems: string[] = [];
  const prefix = path.basename(quizDir);
  const files = await readYamlFiles(quizDir, problems);
  if (!files) throw new KnowledgeError([`${prefix}:1: directory not found`]);
  if (files.length === 0 && problems.length === 0) {
    problems.push(`${prefix}:1: no quiz file (*.yaml) found`);
  }

  const sections = new Map<string, Set<string>>();
  for (const doc of documents) sections.set(doc.id, new Set(doc.sections.map((s) => s.label)));

  const topics: QuizBankTopic[] = [];
  const topicFiles = new Map<string, string>();
  const questionIds = new Map<string, string>();
  for (const source of files) {
    const { name, file } = source;
    const yaml = parseYaml(source, problems);
    if (!yaml) continue;
    const lineOf = yaml.lineOf;
    const parsed = quizFileSchema.safeParse(yaml.data);
    if (!parsed.success) {
      pushSchemaIssues(file, yaml, parsed.error, problems);
      continue;
    }

    const { topic, questions } = parsed.data;
    if (`${topic.id}.yaml` !== name && `${topic.id}.yml` !== name) {
      problems.push(
        `${file}:${lineOf(['topic', 'id'])}: topic id "${topic.id}" must match the file name`,
      );
    }
    const otherTopic = topicFiles.get(topic.id);
    if (otherTopic) {
      problems.push(
        `${file}:${lineOf(['topic', 'id'])}: duplicate topic id "${topic.id}" (also in ${otherTopic})`,
      );
    }
    topicFiles.set(topic.id, file);

    const loaded: QuizBankQuestion[] = [];
    questions.forEach((q, i) => {
      const at = (p: PropertyKey[], message: string) =>
        problems.push(`${file}:${lineOf(['questions', i, ...p])}: questions.${i}: ${message}`);
      const otherQuestion = questionIds.get(q.id);
      if (otherQuestion) at(['id'], `duplicate question id "${q.id}" (also at ${otherQuestion})`);
      const location = `${file}:${lineOf(['questions', i])}`;
      questionIds.set(q.id, location);
      const labels = sections.get(q.source.docId);
      if (!labels)
        at(['source', 'docId'], `source.docId "${q.source.docId}" is not a known document`);
      else if (!labels.has(q.source.section)) {
        at(
          ['source', 'section'],
          `source.section "${q.source.section}" is not a section label of "${q.source.docId}"`,
        );
      }
      loaded.push({ ...q, topicId: topic.id, location });
    });
    topics.push({ id: topic.id, name: topic.name, questions: loaded });
  }

  if (problems.length > 0) throw new KnowledgeError(problems);
  return { topics, questions: topics.flatMap((t) => t.questions) };
}
