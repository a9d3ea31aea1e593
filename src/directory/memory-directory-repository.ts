import type { DirectoryRepository } from './directory-repository';
import { assertValidDirectory, diffDirectory, toUnit } from './directory-rules';
import { UnitTree } from './unit-tree';
import type { DirectoryChanges, Person, Unit } from './types';

/**
 * {@link DirectoryRepository} kept in memory: for tests and for services' fakes. Same contract as
 * the SQLite adapter, checked by the same contract suite.
 */
export class MemoryDirectoryRepository implements DirectoryRepository {
  private units: Unit[] = [];
  private people: Person[] = [];
  private tree = UnitTree.build([]);

  async getPerson(userId: string): Promise<Person | undefined> {
    const person = this.people.find((p) => p.userId === userId);
    return person ? { ...person } : undefined;
  }

  async getUnit(code: string): Promise<Unit | undefined> {
    const unit = this.tree.get(code);
    return unit ? toUnit(unit) : undefined;
  }

  async listUnits(): Promise<Unit[]> {
    return this.tree.units().map(toUnit);
  }

  async listPeople(unitCodes?: readonly string[]): Promise<Person[]> {
    const wanted = unitCodes === undefined ? undefined : new Set(unitCodes);
    return this.people
      .filter((p) => wanted === undefined || wanted.has(p.unitCode))
      .sort((a, b) => compare(a.unitCode, b.unitCode) || compare(a.userId, b.userId))
      .map((p) => ({ ...p }));
  }

  async unitTree(): Promise<UnitTree> {
    return this.tree;
  }

  async replaceAll(units: readonly Unit[], people: readonly Person[]): Promise<DirectoryChanges> {
    assertValidDirectory(units, people);
    const nextUnits = units.map(toUnit);
    const nextPeople = people.map((p) => ({
      userId: p.userId,
      fullName: p.fullName,
      email: p.email,
      unitCode: p.unitCode,
      role: p.role,
    }));
    const changes = diffDirectory(
      { units: this.units, people: this.people },
      { units: nextUnits, people: nextPeople },
    );
    this.tree = UnitTree.build(nextUnits);
    this.units = nextUnits;
    this.people = nextPeople;
    return changes;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
