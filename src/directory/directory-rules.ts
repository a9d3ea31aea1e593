import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { UnitTree } from './unit-tree';
import { ROLES, type DirectoryChanges, type KindChanges, type Person, type Unit } from './types';

/** A unit as supplied to {@link checkDirectory}: like `Unit`, but nothing is trusted yet. */
export interface UnitCandidate {
  code: string;
  name: string;
  parentCode?: string;
}

/** A person as supplied to {@link checkDirectory}: the role is any text until checked. */
export interface PersonCandidate {
  userId: string;
  fullName: string;
  email: string;
  unitCode: string;
  role: string;
}

/** One broken rule; `index` is the position of the unit or person in its input list. */
export interface DirectoryProblem {
  kind: 'unit' | 'person';
  index: number;
  message: string;
}

/** Options for {@link checkDirectory}. */
export interface CheckDirectoryOptions {
  /** How to name another entry in a message ("first on row 4"); defaults to its position. */
  describe?: (kind: 'unit' | 'person', index: number) => string;
}

const MAX_KEY_LENGTH = 128;
const MAX_TEXT_LENGTH = 300;
const emailSchema = z.email();
const roleList = `${ROLES.slice(0, -1).join(', ')} or ${ROLES[ROLES.length - 1]}`;

/**
 * Every reason the given units and people cannot be the directory, ordered units first, then by
 * index: empty required fields, codes or ids with spaces, duplicate unit codes or user ids, unknown
 * parent units, cycles in the tree, unknown units, bad roles, bad e-mail addresses. Messages name
 * fields by their import column (`user_id`, `unit_code`...). Empty when all is well.
 */
export function checkDirectory(
  units: readonly UnitCandidate[],
  people: readonly PersonCandidate[],
  options: CheckDirectoryOptions = {},
): DirectoryProblem[] {
  const describe = options.describe ?? ((kind, index) => `${kind} #${index + 1}`);
  const problems: DirectoryProblem[] = [];
  const unitProblem = (index: number, message: string) =>
    problems.push({ kind: 'unit', index, message });
  const personProblem = (index: number, message: string) =>
    problems.push({ kind: 'person', index, message });

  // Units with a usable code take part in the tree checks; the others are reported once, here.
  const treeUnits: { unit: Unit; index: number }[] = [];
  units.forEach((u, index) => {
    const codeProblem = keyProblem('code', u.code);
    if (codeProblem) unitProblem(index, codeProblem);
    const nameProblem = textProblem('name', u.name);
    if (nameProblem) unitProblem(index, nameProblem);
    if (!codeProblem) treeUnits.push({ index, unit: toUnit(u) });
  });
  const firstUnit = new Map<string, number>();
  for (const t of treeUnits) if (!firstUnit.has(t.unit.code)) firstUnit.set(t.unit.code, t.index);
  for (const p of UnitTree.check(treeUnits.map((t) => t.unit))) {
    const index = treeUnits[p.index]!.index;
    const first = p.kind === 'duplicate-code' ? firstUnit.get(p.code) : undefined;
    unitProblem(
      index,
      first === undefined ? p.message : `${p.message} (first on ${describe('unit', first)})`,
    );
  }

  const firstPerson = new Map<string, number>();
  people.forEach((p, index) => {
    const idProblem = keyProblem('user_id', p.userId);
    if (idProblem) {
      personProblem(index, idProblem);
    } else {
      const first = firstPerson.get(p.userId);
      if (first === undefined) firstPerson.set(p.userId, index);
      else
        personProblem(
          index,
          `duplicate user_id "${p.userId}" (first on ${describe('person', first)})`,
        );
    }
    const nameProblem = textProblem('full_name', p.fullName);
    if (nameProblem) personProblem(index, nameProblem);
    if (isBlank(p.email)) personProblem(index, 'missing email');
    else if (!emailSchema.safeParse(p.email).success)
      personProblem(index, `bad e-mail "${p.email}"`);
    if (isBlank(p.unitCode)) personProblem(index, 'missing unit_code');
    else if (!firstUnit.has(p.unitCode)) personProblem(index, `unknown unit "${p.unitCode}"`);
    if (isBlank(p.role)) personProblem(index, 'missing role');
    else if (!(ROLES as readonly string[]).includes(p.role)) {
      personProblem(index, `bad role "${p.role}" (expected ${roleList})`);
    }
  });

  return problems.sort((a, b) =>
    a.kind !== b.kind ? (a.kind === 'unit' ? -1 : 1) : a.index - b.index,
  );
}

/**
 * Throws `InvalidInputError` listing every problem {@link checkDirectory} finds; used by every
 * `DirectoryRepository.replaceAll` before it touches anything.
 */
export function assertValidDirectory(
  units: readonly UnitCandidate[],
  people: readonly PersonCandidate[],
): void {
  const problems = checkDirectory(units, people);
  if (problems.length === 0) return;
  const lines = problems.map((p) => `${p.kind} #${p.index + 1}: ${p.message}`);
  throw new InvalidInputError(
    `Invalid directory (${problems.length} problem(s)):\n  ${lines.join('\n  ')}`,
  );
}

/** A copy of a unit without a `parentCode` property when it has no parent. */
export function toUnit(u: UnitCandidate): Unit {
  return u.parentCode === undefined
    ? { code: u.code, name: u.name }
    : { code: u.code, name: u.name, parentCode: u.parentCode };
}

/**
 * What replacing the directory `current` by `next` adds, changes and removes, per kind. Keys are
 * sorted; an entry is changed when any of its fields differs.
 */
export function diffDirectory(
  current: { units: readonly Unit[]; people: readonly Person[] },
  next: { units: readonly Unit[]; people: readonly Person[] },
): DirectoryChanges {
  return {
    units: diffBy(current.units, next.units, (u) => u.code, sameUnit),
    people: diffBy(current.people, next.people, (p) => p.userId, samePerson),
  };
}

export function sameUnit(a: Unit, b: Unit): boolean {
  return a.code === b.code && a.name === b.name && a.parentCode === b.parentCode;
}

export function samePerson(a: Person, b: Person): boolean {
  return (
    a.userId === b.userId &&
    a.fullName === b.fullName &&
    a.email === b.email &&
    a.unitCode === b.unitCode &&
    a.role === b.role
  );
}

function diffBy<T>(
  current: readonly T[],
  next: readonly T[],
  key: (item: T) => string,
  same: (a: T, b: T) => boolean,
): KindChanges {
  const before = new Map(current.map((item) => [key(item), item]));
  const after = new Map(next.map((item) => [key(item), item]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const [k, item] of after) {
    const old = before.get(k);
    if (old === undefined) added.push(k);
    else if (!same(old, item)) changed.push(k);
  }
  const removed = [...before.keys()].filter((k) => !after.has(k));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function keyProblem(column: string, value: unknown): string | undefined {
  if (isBlank(value)) return `missing ${column}`;
  const text = value as string;
  if (/\s/.test(text)) return `${column} "${text}" must not contain spaces`;
  if (text.length > MAX_KEY_LENGTH) return `${column} is longer than ${MAX_KEY_LENGTH} characters`;
  return undefined;
}

function textProblem(column: string, value: unknown): string | undefined {
  if (isBlank(value)) return `missing ${column}`;
  if ((value as string).length > MAX_TEXT_LENGTH) {
    return `${column} is longer than ${MAX_TEXT_LENGTH} characters`;
  }
  return undefined;
}
