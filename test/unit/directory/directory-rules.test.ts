import {
  assertValidDirectory,
  checkDirectory,
  diffDirectory,
  summarizeChanges,
  type Person,
  type Unit,
} from '../../../src/directory';
import { InvalidInputError } from '../../../src/errors';

const units: Unit[] = [
  { code: 'CT', name: 'UBND thành phố Cần Thơ' },
  { code: 'CT-SNV', name: 'Sở Nội vụ', parentCode: 'CT' },
  { code: 'CT-STP', name: 'Sở Tư pháp', parentCode: 'CT' },
];
const people: Person[] = [
  {
    userId: 'u1',
    fullName: 'Trần Minh Khôi',
    email: 'khoitm@cantho.gov.vn',
    unitCode: 'CT',
    role: 'manager',
  },
  {
    userId: 'u2',
    fullName: 'Lâm Chí Thanh',
    email: 'thanhlc@cantho.gov.vn',
    unitCode: 'CT-STP',
    role: 'official',
  },
];

describe('checkDirectory', () => {
  it('finds nothing wrong with a valid directory', () => {
    expect(checkDirectory(units, people)).toEqual([]);
    expect(() => assertValidDirectory(units, people)).not.toThrow();
  });

  it('names other entries by position unless told how', () => {
    const dup = [...people, { ...people[0]!, fullName: 'Khôi 2' }];
    expect(checkDirectory(units, dup)).toEqual([
      { kind: 'person', index: 2, message: 'duplicate user_id "u1" (first on person #1)' },
    ]);
    expect(
      checkDirectory(units, dup, { describe: (kind, i) => `${kind} at ${i}` })[0]?.message,
    ).toBe('duplicate user_id "u1" (first on person at 0)');
  });

  it('rejects values that are not strings, as a caller bypassing the types might send', () => {
    const bad = { ...people[0]!, role: 'root', email: 42 } as unknown as Person;
    expect(checkDirectory(units, [bad]).map((p) => p.message)).toEqual([
      'missing email',
      'bad role "root" (expected official, manager or admin)',
    ]);
  });

  it('assertValidDirectory throws InvalidInputError listing every problem', () => {
    const call = () =>
      assertValidDirectory(
        [...units, { code: 'X', name: 'X', parentCode: 'X' }],
        [{ ...people[0]!, unitCode: 'NOPE' }],
      );
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(
      /2 problem\(s\)[\s\S]*unit #4: unit "X" is its own parent[\s\S]*person #1: unknown unit "NOPE"/,
    );
  });
});

describe('diffDirectory', () => {
  it('reports nothing for the same directory', () => {
    const none = { added: [], changed: [], removed: [] };
    expect(diffDirectory({ units, people }, { units: [...units], people: [...people] })).toEqual({
      units: none,
      people: none,
    });
  });

  it('reports sorted keys added, changed (any field) and removed', () => {
    const next = {
      units: [
        { code: 'CT', name: 'UBND thành phố Cần Thơ' },
        { code: 'CT-SNV', name: 'Sở Nội vụ', parentCode: 'CT-STP' }, // moved
        { code: 'CT-SKHCN', name: 'Sở Khoa học và Công nghệ', parentCode: 'CT' },
        { code: 'CT-A', name: 'A', parentCode: 'CT' },
      ],
      people: [
        { ...people[0]!, email: 'khoi@cantho.gov.vn' },
        { ...people[1]! },
        { ...people[1]!, userId: 'u0' },
      ],
    };
    expect(diffDirectory({ units, people }, next)).toEqual({
      units: { added: ['CT-A', 'CT-SKHCN'], changed: ['CT-SNV'], removed: ['CT-STP'] },
      people: { added: ['u0'], changed: ['u1'], removed: [] },
    });
  });

  it.each<[string, Partial<Person>]>([
    ['full name', { fullName: 'Trần Minh Khôi (PCT)' }],
    ['e-mail', { email: 'x@cantho.gov.vn' }],
    ['unit', { unitCode: 'CT-SNV' }],
    ['role', { role: 'admin' }],
  ])('sees a change of %s', (_, change) => {
    const next = { units, people: [{ ...people[0]!, ...change }, people[1]!] };
    expect(diffDirectory({ units, people }, next).people.changed).toEqual(['u1']);
  });

  it('sees a unit gaining or losing its parent', () => {
    const orphan = { units: [units[0]!, { code: 'CT-SNV', name: 'Sở Nội vụ' }, units[2]!], people };
    expect(diffDirectory({ units, people }, orphan).units.changed).toEqual(['CT-SNV']);
    expect(diffDirectory(orphan, { units, people }).units.changed).toEqual(['CT-SNV']);
  });
});

describe('summarizeChanges', () => {
  it('counts, then lists each entry with old and new values of changed fields', () => {
    const next = {
      units: [units[0]!, { ...units[1]!, name: 'Sở Nội vụ TP' }],
      people: [{ ...people[0]!, role: 'admin' as const }],
    };
    const text = summarizeChanges(diffDirectory({ units, people }, next), { units, people }, next);
    expect(text.split('\n')).toEqual([
      'units:  0 added, 1 changed, 1 removed',
      '  ~ CT-SNV  Sở Nội vụ TP: name "Sở Nội vụ" → "Sở Nội vụ TP"',
      '  - CT-STP  Sở Tư pháp',
      'people: 0 added, 1 changed, 1 removed',
      '  ~ Trần Minh Khôi <khoitm@cantho.gov.vn>  CT, admin  (u1): role "manager" → "admin"',
      '  - Lâm Chí Thanh <thanhlc@cantho.gov.vn>  CT-STP, official  (u2)',
    ]);
  });

  it('says when there is nothing to change, and cuts long lists', () => {
    const empty = { units: [], people: [] };
    expect(
      summarizeChanges(diffDirectory({ units, people }, { units, people }), empty, empty),
    ).toMatch(/Nothing to change/);
    const many = Array.from({ length: 25 }, (_, i) => ({ code: `U${i}`, name: `Unit ${i}` }));
    const text = summarizeChanges(diffDirectory(empty, { units: many, people: [] }), empty, {
      units: many,
      people: [],
    });
    expect(text).toMatch(/^units: {2}25 added/);
    expect(text.split('\n').filter((l) => l.startsWith('  + '))).toHaveLength(20);
    expect(text).toMatch(/… and 5 more added/);
  });
});
