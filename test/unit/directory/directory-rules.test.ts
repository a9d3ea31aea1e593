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

  it('points a duplicate at the index of the entry that came first', () => {
    const dup = [...people, { ...people[0]!, fullName: 'Khôi 2' }];
    expect(checkDirectory(units, dup)).toEqual([
      {
        kind: 'person',
        index: 2,
        issue: { type: 'duplicate', column: 'user_id', value: 'u1', firstIndex: 0 },
      },
    ]);
    const twice = [...units, { code: 'CT-SNV', name: 'Sở Nội vụ (2)', parentCode: 'CT' }];
    expect(checkDirectory(twice, people)).toEqual([
      {
        kind: 'unit',
        index: 3,
        issue: { type: 'duplicate', column: 'code', value: 'CT-SNV', firstIndex: 1 },
      },
    ]);
  });

  it('reports tree problems as issues: unknown parent, own parent, cycle with its path', () => {
    const broken: Unit[] = [
      { code: 'CT', name: 'CT', parentCode: 'NOPE' },
      { code: 'A', name: 'A', parentCode: 'A' },
      { code: 'B', name: 'B', parentCode: 'C' },
      { code: 'C', name: 'C', parentCode: 'B' },
    ];
    expect(checkDirectory(broken, []).map((p) => [p.index, p.issue])).toEqual([
      [0, { type: 'unknown-parent', value: 'NOPE' }],
      [1, { type: 'own-parent', value: 'A' }],
      [2, { type: 'cycle', cycle: ['B', 'C', 'B'] }],
      [3, { type: 'cycle', cycle: ['B', 'C', 'B'] }],
    ]);
  });

  it('rejects values that are not strings, as a caller bypassing the types might send', () => {
    const bad = { ...people[0]!, role: 'root', email: 42 } as unknown as Person;
    expect(checkDirectory(units, [bad]).map((p) => p.issue)).toEqual([
      { type: 'missing', column: 'email' },
      { type: 'bad-role', value: 'root', allowed: ['official', 'manager', 'admin'] },
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
      units: [units[0]!, { ...units[1]!, name: 'Sở Nội vụ TP', parentCode: undefined }],
      people: [{ ...people[0]!, role: 'admin' as const }],
    };
    const summary = summarizeChanges(
      diffDirectory({ units, people }, next),
      { units, people },
      next,
    );
    expect(summary).toEqual({
      units: {
        added: { count: 0, listed: [] },
        changed: {
          count: 1,
          listed: [
            {
              key: 'CT-SNV',
              entry: next.units[1],
              fields: [
                { column: 'name', before: 'Sở Nội vụ', after: 'Sở Nội vụ TP' },
                { column: 'parent_code', before: 'CT' },
              ],
            },
          ],
        },
        removed: { count: 1, listed: [{ key: 'CT-STP', entry: units[2], fields: [] }] },
      },
      people: {
        added: { count: 0, listed: [] },
        changed: {
          count: 1,
          listed: [
            {
              key: 'u1',
              entry: next.people[0],
              fields: [{ column: 'role', before: 'manager', after: 'admin' }],
            },
          ],
        },
        removed: { count: 1, listed: [{ key: 'u2', entry: people[1], fields: [] }] },
      },
      nothingToChange: false,
    });
  });

  it('says when there is nothing to change, and cuts long lists', () => {
    const empty = { units: [], people: [] };
    expect(
      summarizeChanges(diffDirectory({ units, people }, { units, people }), empty, empty)
        .nothingToChange,
    ).toBe(true);
    const many = Array.from({ length: 25 }, (_, i) => ({ code: `U${i}`, name: `Unit ${i}` }));
    const changes = diffDirectory(empty, { units: many, people: [] });
    const summary = summarizeChanges(changes, empty, { units: many, people: [] });
    expect(summary.nothingToChange).toBe(false);
    expect(summary.units.added.count).toBe(25);
    expect(summary.units.added.listed).toHaveLength(20);
    expect(
      summarizeChanges(changes, empty, { units: many, people: [] }, { maxListed: 3 }),
    ).toMatchObject({ units: { added: { count: 25, listed: [{ key: 'U0' }, {}, {}] } } });
  });
});
