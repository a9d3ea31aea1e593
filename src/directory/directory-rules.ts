import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { UnitTree, type UnitTreeProblem } from './unit-tree';
import {
  ROLES,
  type DirectoryChanges,
  type KindChanges,
  type Person,
  type Role,
  type Unit,
} from './types';

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

/** A column of the import files; problems name a field by its column. */
export type DirectoryColumn =
  'code' | 'name' | 'parent_code' | 'user_id' | 'full_name' | 'email' | 'unit_code' | 'role';

/**
 * What is wrong with one unit or person, as data: `type` names the broken rule, the other fields
 * the column and values involved. Operators read it as rendered by `dialogs/directory-texts.ts`.
 */
export type DirectoryIssue =
  /** A required field is empty (or not text at all). */
  | { type: 'missing'; column: DirectoryColumn }
  /** A unit code or user id contains white space. */
  | { type: 'has-spaces'; column: 'code' | 'user_id'; value: string }
  /** A field is longer than `max` characters. */
  | { type: 'too-long'; column: DirectoryColumn; max: number }
  /** The unit code or user id is already used by the entry of the same kind at `firstIndex`. */
  | { type: 'duplicate'; column: 'code' | 'user_id'; value: string; firstIndex: number }
  /** `parent_code` names no unit. */
  | { type: 'unknown-parent'; value: string }
  /** The unit `value` names itself in `parent_code`. */
  | { type: 'own-parent'; value: string }
  /** The unit lies on a cycle: `cycle` walks up from its earliest unit back to it. */
  | { type: 'cycle'; cycle: string[] }
  | { type: 'bad-email'; value: string }
  /** `unit_code` names no unit. */
  | { type: 'unknown-unit'; value: string }
  /** `role` is not one of `allowed`. */
  | { type: 'bad-role'; value: string; allowed: readonly Role[] };

/** One broken rule; `index` is the position of the unit or person in its input list. */
export interface DirectoryProblem {
  kind: 'unit' | 'person';
  index: number;
  issue: DirectoryIssue;
}

const MAX_KEY_LENGTH = 128;
const MAX_TEXT_LENGTH = 300;
const emailSchema = z.email();

/**
 * Every reason the given units and people cannot be the directory, ordered units first, then by
 * index: empty required fields, codes or ids with spaces, duplicate unit codes or user ids, unknown
 * parent units, cycles in the tree, unknown units, bad roles, bad e-mail addresses. Issues name
 * fields by their import column (`user_id`, `unit_code`...). Empty when all is well.
 */
export function checkDirectory(
  units: readonly UnitCandidate[],
  people: readonly PersonCandidate[],
): DirectoryProblem[] {
  const problems: DirectoryProblem[] = [];
  const unitProblem = (index: number, issue: DirectoryIssue) =>
    problems.push({ kind: 'unit', index, issue });
  const personProblem = (index: number, issue: DirectoryIssue) =>
    problems.push({ kind: 'person', index, issue });

  // Units with a usable code take part in the tree checks; the others are reported once, here.
  const treeUnits: { unit: Unit; index: number }[] = [];
  units.forEach((u, index) => {
    const codeIssue = keyIssue('code', u.code);
    if (codeIssue) unitProblem(index, codeIssue);
    const nameIssue = textIssue('name', u.name);
    if (nameIssue) unitProblem(index, nameIssue);
    if (!codeIssue) treeUnits.push({ index, unit: toUnit(u) });
  });
  const firstUnit = new Map<string, number>();
  for (const t of treeUnits) if (!firstUnit.has(t.unit.code)) firstUnit.set(t.unit.code, t.index);
  for (const p of UnitTree.check(treeUnits.map((t) => t.unit))) {
    unitProblem(treeUnits[p.index]!.index, treeIssue(p, firstUnit));
  }

  const firstPerson = new Map<string, number>();
  people.forEach((p, index) => {
    const idIssue = keyIssue('user_id', p.userId);
    if (idIssue) {
      personProblem(index, idIssue);
    } else {
      const first = firstPerson.get(p.userId);
      if (first === undefined) firstPerson.set(p.userId, index);
      else
        personProblem(index, {
          type: 'duplicate',
          column: 'user_id',
          value: p.userId,
          firstIndex: first,
        });
    }
    const nameIssue = textIssue('full_name', p.fullName);
    if (nameIssue) personProblem(index, nameIssue);
    if (isBlank(p.email)) personProblem(index, { type: 'missing', column: 'email' });
    else if (!emailSchema.safeParse(p.email).success)
      personProblem(index, { type: 'bad-email', value: p.email });
    if (isBlank(p.unitCode)) personProblem(index, { type: 'missing', column: 'unit_code' });
    else if (!firstUnit.has(p.unitCode))
      personProblem(index, { type: 'unknown-unit', value: p.unitCode });
    if (isBlank(p.role)) personProblem(index, { type: 'missing', column: 'role' });
    else if (!(ROLES as readonly string[]).includes(p.role)) {
      personProblem(index, { type: 'bad-role', value: p.role, allowed: ROLES });
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
  const lines = problems.map((p) => `${p.kind} #${p.index + 1}: ${describeIssue(p.issue)}`);
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

function keyIssue(column: 'code' | 'user_id', value: unknown): DirectoryIssue | undefined {
  if (isBlank(value)) return { type: 'missing', column };
  const text = value as string;
  if (/\s/.test(text)) return { type: 'has-spaces', column, value: text };
  if (text.length > MAX_KEY_LENGTH) return { type: 'too-long', column, max: MAX_KEY_LENGTH };
  return undefined;
}

function textIssue(column: DirectoryColumn, value: unknown): DirectoryIssue | undefined {
  if (isBlank(value)) return { type: 'missing', column };
  if ((value as string).length > MAX_TEXT_LENGTH) {
    return { type: 'too-long', column, max: MAX_TEXT_LENGTH };
  }
  return undefined;
}

/** The issue for a unit that `UnitTree.check` rejects; `firstUnit` maps codes to input indexes. */
function treeIssue(p: UnitTreeProblem, firstUnit: ReadonlyMap<string, number>): DirectoryIssue {
  switch (p.kind) {
    case 'duplicate-code':
      return {
        type: 'duplicate',
        column: 'code',
        value: p.code,
        firstIndex: firstUnit.get(p.code)!,
      };
    case 'unknown-parent':
      return { type: 'unknown-parent', value: p.parentCode };
    case 'cycle':
      return p.cycle.length <= 2
        ? { type: 'own-parent', value: p.code }
        : { type: 'cycle', cycle: p.cycle };
  }
}

/** A short English description of an issue, for errors and logs (never shown to operators). */
function describeIssue(issue: DirectoryIssue): string {
  switch (issue.type) {
    case 'missing':
      return `missing ${issue.column}`;
    case 'has-spaces':
      return `${issue.column} "${issue.value}" must not contain spaces`;
    case 'too-long':
      return `${issue.column} is longer than ${issue.max} characters`;
    case 'duplicate':
      return `duplicate ${issue.column} "${issue.value}" (first at #${issue.firstIndex + 1})`;
    case 'unknown-parent':
      return `unknown parent unit "${issue.value}"`;
    case 'own-parent':
      return `unit "${issue.value}" is its own parent`;
    case 'cycle':
      return `cycle in the unit tree (parent_code): ${issue.cycle.join(' → ')}`;
    case 'bad-email':
      return `bad e-mail "${issue.value}"`;
    case 'unknown-unit':
      return `unknown unit "${issue.value}"`;
    case 'bad-role':
      return `bad role "${issue.value}" (expected ${issue.allowed.join(', ')})`;
  }
}
