import { InvalidInputError, NotFoundError } from '../errors';
import type { Unit } from './types';

/**
 * Why a list of units does not form a tree. `index` is the unit's position in the input list and
 * `code` its code; `message` is a short English description for logs and errors. Operators see
 * the Vietnamese text that `dialogs/directory-texts.ts` renders from the other fields.
 */
export type UnitTreeProblem = {
  index: number;
  code: string;
  message: string;
} & (
  | { kind: 'duplicate-code' }
  /** `parentCode` names no unit in the list. */
  | { kind: 'unknown-parent'; parentCode: string }
  /**
   * The unit lies on a cycle; `cycle` walks up from the cycle's earliest unit back to it
   * (`['A', 'C', 'B', 'A']`), so a unit that is its own parent has `['A', 'A']`.
   */
  | { kind: 'cycle'; cycle: string[] }
);

/**
 * The organisation as a tree (or forest) of units of any depth. Immutable; built only from a list
 * that passes {@link UnitTree.check}, so every walk up the tree ends at a root.
 */
export class UnitTree {
  private readonly byCode: ReadonlyMap<string, Unit>;
  private readonly childrenByCode: ReadonlyMap<string, readonly Unit[]>;
  private readonly rootUnits: readonly Unit[];

  private constructor(units: readonly Unit[]) {
    const byCode = new Map<string, Unit>();
    for (const u of units) byCode.set(u.code, Object.freeze({ ...u }));
    const children = new Map<string, Unit[]>();
    const roots: Unit[] = [];
    for (const u of [...byCode.values()].sort(byUnitCode)) {
      if (u.parentCode === undefined) {
        roots.push(u);
      } else {
        const list = children.get(u.parentCode);
        if (list) list.push(u);
        else children.set(u.parentCode, [u]);
      }
    }
    this.byCode = byCode;
    this.childrenByCode = children;
    this.rootUnits = roots;
  }

  /**
   * Builds the tree. Throws `InvalidInputError` naming every problem (duplicate code, unknown
   * parent, cycle) when the units do not form a tree.
   */
  static build(units: readonly Unit[]): UnitTree {
    const problems = UnitTree.check(units);
    if (problems.length > 0) {
      throw new InvalidInputError(
        `The units do not form a tree:\n  ${problems.map((p) => p.message).join('\n  ')}`,
      );
    }
    return new UnitTree(units);
  }

  /** Every reason `units` cannot form a tree, in input order; empty when it can. */
  static check(units: readonly Unit[]): UnitTreeProblem[] {
    const problems: UnitTreeProblem[] = [];
    const firstIndex = new Map<string, number>();
    units.forEach((u, index) => {
      const first = firstIndex.get(u.code);
      if (first === undefined) {
        firstIndex.set(u.code, index);
      } else {
        problems.push({
          index,
          code: u.code,
          kind: 'duplicate-code',
          message: `duplicate unit code "${u.code}"`,
        });
      }
    });
    const parentOf = (code: string): string | undefined => {
      const i = firstIndex.get(code);
      return i === undefined ? undefined : units[i]!.parentCode;
    };
    firstIndex.forEach((index, code) => {
      const parent = units[index]!.parentCode;
      if (parent !== undefined && !firstIndex.has(parent)) {
        problems.push({
          index,
          code,
          kind: 'unknown-parent',
          parentCode: parent,
          message: `unknown parent unit "${parent}"`,
        });
      }
    });

    // Each unit has at most one parent, so a cycle is found by walking up from every unit and
    // meeting a unit already on the current walk.
    const state = new Map<string, 'walking' | 'done'>();
    for (const [start] of firstIndex) {
      const walk: string[] = [];
      let code: string | undefined = start;
      while (code !== undefined && firstIndex.has(code) && !state.has(code)) {
        state.set(code, 'walking');
        walk.push(code);
        code = parentOf(code);
      }
      if (code !== undefined && state.get(code) === 'walking') {
        const cycle = walk.slice(walk.indexOf(code));
        const first = cycle.reduce((a, b) => (firstIndex.get(a)! <= firstIndex.get(b)! ? a : b));
        const ordered: string[] = [first];
        for (let c = parentOf(first)!; c !== first; c = parentOf(c)!) ordered.push(c);
        const path = [...ordered, first];
        const message =
          cycle.length === 1
            ? `unit "${first}" is its own parent`
            : `cycle in the unit tree (parent_code): ${path.join(' → ')}`;
        for (const member of ordered) {
          problems.push({
            index: firstIndex.get(member)!,
            code: member,
            kind: 'cycle',
            cycle: [...path],
            message,
          });
        }
      }
      for (const c of walk) state.set(c, 'done');
    }
    return problems.sort((a, b) => a.index - b.index);
  }

  /** Number of units. */
  get size(): number {
    return this.byCode.size;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get(code: string): Unit | undefined {
    return this.byCode.get(code);
  }

  /** Every unit, ordered by code. */
  units(): Unit[] {
    return [...this.byCode.values()].sort(byUnitCode);
  }

  /** Units without a parent, ordered by code. */
  roots(): Unit[] {
    return [...this.rootUnits];
  }

  /** Units directly below `code`, ordered by code. Throws `NotFoundError` for an unknown code. */
  children(code: string): Unit[] {
    this.require(code);
    return [...(this.childrenByCode.get(code) ?? [])];
  }

  /**
   * Units above `code`, nearest first (parent, grandparent, ..., root); empty for a root.
   * Throws `NotFoundError` for an unknown code.
   */
  ancestors(code: string): Unit[] {
    const result: Unit[] = [];
    for (let u = this.require(code); u.parentCode !== undefined;) {
      u = this.byCode.get(u.parentCode)!;
      result.push(u);
    }
    return result;
  }

  /**
   * Every unit below `code` at any depth, not `code` itself, depth-first with siblings ordered by
   * code. Throws `NotFoundError` for an unknown code.
   */
  descendants(code: string): Unit[] {
    this.require(code);
    const result: Unit[] = [];
    // Iterative, so a very deep tree cannot overflow the stack.
    const stack = [...(this.childrenByCode.get(code) ?? [])].reverse();
    for (let u = stack.pop(); u !== undefined; u = stack.pop()) {
      result.push(u);
      const children = this.childrenByCode.get(u.code) ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return result;
  }

  /**
   * True when `code` is `ancestorCode` itself or lies anywhere below it. False when either code is
   * unknown, never throws.
   */
  isWithin(code: string, ancestorCode: string): boolean {
    if (!this.byCode.has(ancestorCode)) return false;
    for (let u = this.byCode.get(code); u !== undefined;) {
      if (u.code === ancestorCode) return true;
      u = u.parentCode === undefined ? undefined : this.byCode.get(u.parentCode);
    }
    return false;
  }

  private require(code: string): Unit {
    const unit = this.byCode.get(code);
    if (!unit) throw new NotFoundError(`Unknown unit "${code}"`);
    return unit;
  }
}

function byUnitCode(a: Unit, b: Unit): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
