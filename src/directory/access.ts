import type { UnitTree } from './unit-tree';
import type { Person, Unit, Viewer } from './types';

/*
 * Who may see what, as pure functions of the viewer, the target and the unit tree:
 * - admin: every unit and every person in the directory;
 * - manager: his own unit and every unit below it, and the people in them;
 * - official: no unit; only himself.
 * Anyone sees himself. A viewer who is not in the directory (`undefined`) sees nothing.
 */

/** May `viewer` see reports about the unit `unitCode`? False for a unit not in the tree. */
export function canSeeUnit(viewer: Viewer | undefined, unitCode: string, tree: UnitTree): boolean {
  if (!viewer || !tree.has(unitCode)) return false;
  switch (viewer.role) {
    case 'admin':
      return true;
    case 'manager':
      return tree.isWithin(unitCode, viewer.unitCode);
    case 'official':
      return false;
  }
}

/** May `viewer` see `person` (his results, his details)? */
export function canSeePerson(
  viewer: Viewer | undefined,
  person: Pick<Person, 'userId' | 'unitCode'>,
  tree: UnitTree,
): boolean {
  if (!viewer) return false;
  if (viewer.userId === person.userId) return true;
  switch (viewer.role) {
    case 'admin':
      return true;
    case 'manager':
      return tree.isWithin(person.unitCode, viewer.unitCode);
    case 'official':
      return false;
  }
}

/**
 * The units `viewer` may see, ordered as a report would list them: for a manager his unit first,
 * then everything below it; for an admin the whole tree; for an official (or nobody) none.
 */
export function visibleUnits(viewer: Viewer | undefined, tree: UnitTree): Unit[] {
  if (!viewer) return [];
  switch (viewer.role) {
    case 'admin':
      return tree.roots().flatMap((root) => [root, ...tree.descendants(root.code)]);
    case 'manager': {
      const own = tree.get(viewer.unitCode);
      return own ? [own, ...tree.descendants(own.code)] : [];
    }
    case 'official':
      return [];
  }
}
