import type { UnitTree } from './unit-tree';
import type { DirectoryChanges, Person, Unit } from './types';

/**
 * The directory: who is who. Maps a channel user id to a person, his unit and his role, and holds
 * the unit tree the access rules work on.
 *
 * Contract, for every adapter:
 * - Reads never see a half-applied import: `replaceAll` is atomic.
 * - Returned objects are copies; changing them changes nothing stored. A unit without a parent has
 *   no `parentCode` property at all (never `null` or `''`).
 * - `getPerson` and `getUnit` resolve to `undefined` for an unknown key, and never reject for bad
 *   input (an empty or non-string key is simply unknown).
 * - `listUnits` returns every unit ordered by code.
 * - `listPeople()` returns everybody; `listPeople(codes)` returns the people whose unit is exactly
 *   one of `codes` (sub-units are not included: expand with `UnitTree.descendants` or
 *   `visibleUnits` first). Unknown codes match nobody; an empty list returns nobody. Ordered by
 *   unit code, then user id.
 * - `unitTree` returns the current tree; it reflects an import done by another process (the
 *   `directory:import` command) on the next call.
 * - `replaceAll(units, people)` makes the stored directory exactly these units and people (the
 *   import files are the whole truth): new keys are added, keys whose fields differ are changed,
 *   keys absent from the arguments are removed. It resolves to the keys added, changed and removed
 *   per kind; a second call with the same arguments reports nothing and writes nothing. It rejects
 *   with `InvalidInputError` when the arguments break the directory's rules (see
 *   `checkDirectory`: duplicate keys, unknown parent or unit, a cycle, a bad role, empty fields),
 *   and whenever it rejects, for any reason, the stored directory is unchanged.
 */
export interface DirectoryRepository {
  getPerson(userId: string): Promise<Person | undefined>;
  getUnit(code: string): Promise<Unit | undefined>;
  listUnits(): Promise<Unit[]>;
  listPeople(unitCodes?: readonly string[]): Promise<Person[]>;
  unitTree(): Promise<UnitTree>;
  replaceAll(units: readonly Unit[], people: readonly Person[]): Promise<DirectoryChanges>;
}
