import path from 'node:path';
import { KnowledgeError } from '../errors';
import { contestFileSchema, type ContestFile } from './contest-schema';
import type { Contest } from './contest-rules';
import { drawProblems } from './draw';
import type { QuizBank } from './quiz-bank-loader';
import { parseYaml, pushSchemaIssues, readYamlFiles } from './yaml-file';

/** Converts a validated contest file to the engine's `Contest` (instants as epoch ms). */
export function contestFromFile(file: ContestFile, location: string): Contest {
  return {
    id: file.id,
    title: file.title,
    opensAt: Date.parse(file.opensAt),
    closesAt: Date.parse(file.closesAt),
    questionsPerTopic: { ...file.questionsPerTopic },
    questionCount: Object.values(file.questionsPerTopic).reduce((a, b) => a + b, 0),
    timeLimitMinutes: file.timeLimitMinutes,
    passMark: file.passMark,
    maxAttempts: file.maxAttempts,
    audience: { units: [...file.audience.units], roles: [...file.audience.roles] },
    review: file.review,
    ...(file.tiebreak ? { tiebreak: { ...file.tiebreak } } : {}),
    location,
  };
}

/**
 * Loads and validates every `*.yaml` file in `contestsDir` against the schema and against the
 * quiz bank (each topic of `questionsPerTopic` must exist and hold enough questions); each
 * contest id must match its file name. Either every file is valid and all contests are returned
 * (sorted by id; an empty folder gives none), or a `KnowledgeError` lists every problem of every
 * file as `file:line: message` (e.g. `contests/x.yaml:4: closesAt: must be after opensAt`): it
 * never half-loads. A missing folder is a problem too.
 */
export async function loadContests(contestsDir: string, bank: QuizBank): Promise<Contest[]> {
  const problems: string[] = [];
  const prefix = path.basename(contestsDir);
  const files = await readYamlFiles(contestsDir, problems);
  if (!files) throw new KnowledgeError([`${prefix}:1: directory not found`]);

  const contests: Contest[] = [];
  const seen = new Map<string, string>();
  for (const source of files) {
    const { name, file } = source;
    const yaml = parseYaml(source, problems);
    if (!yaml) continue;
    const parsed = contestFileSchema.safeParse(yaml.data);
    if (!parsed.success) {
      pushSchemaIssues(file, yaml, parsed.error, problems);
      continue;
    }
    const data = parsed.data;
    const idLine = yaml.lineOf(['id']);
    if (`${data.id}.yaml` !== name && `${data.id}.yml` !== name) {
      problems.push(`${file}:${idLine}: id: contest id "${data.id}" must match the file name`);
    }
    const other = seen.get(data.id);
    if (other)
      problems.push(`${file}:${idLine}: id: duplicate contest id "${data.id}" (also in ${other})`);
    seen.set(data.id, file);
    for (const p of drawProblems(bank, data.questionsPerTopic)) {
      problems.push(
        `${file}:${yaml.lineOf(['questionsPerTopic', p.topic])}: questionsPerTopic.${p.topic}: ${p.message}`,
      );
    }
    contests.push(contestFromFile(data, `${file}:${yaml.lineOf([])}`));
  }

  if (problems.length > 0) throw new KnowledgeError(problems);
  return contests.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
