import fc from 'fast-check';
import { UnitTree, type Unit } from '../../../src/directory';
import { InvalidInputError, NotFoundError } from '../../../src/errors';

// City → department / ward → division → team: four levels, listed out of order on purpose.
const units: Unit[] = [
  { code: 'CT-SNV-TCBC', name: 'Phòng Tổ chức, biên chế', parentCode: 'CT-SNV' },
  { code: 'CT', name: 'UBND thành phố Cần Thơ' },
  { code: 'CT-SNV', name: 'Sở Nội vụ', parentCode: 'CT' },
  { code: 'CT-SNV-CCVC', name: 'Phòng Công chức, viên chức', parentCode: 'CT-SNV' },
  { code: 'CT-SNV-TCBC-T1', name: 'Tổ biên chế', parentCode: 'CT-SNV-TCBC' },
  { code: 'CT-P-NINHKIEU', name: 'UBND phường Ninh Kiều', parentCode: 'CT' },
  { code: 'CT-P-NINHKIEU-VP', name: 'Văn phòng HĐND và UBND', parentCode: 'CT-P-NINHKIEU' },
  { code: 'HG', name: 'Another root' },
];
const codes = (list: Unit[]) => list.map((u) => u.code);

describe('UnitTree', () => {
  const tree = UnitTree.build(units);

  it('knows every unit, its roots and children, ordered by code', () => {
    expect(tree.size).toBe(8);
    expect(tree.has('CT-SNV')).toBe(true);
    expect(tree.has('ct-snv')).toBe(false);
    expect(tree.get('CT-SNV')).toEqual({ code: 'CT-SNV', name: 'Sở Nội vụ', parentCode: 'CT' });
    expect(codes(tree.roots())).toEqual(['CT', 'HG']);
    expect(codes(tree.children('CT'))).toEqual(['CT-P-NINHKIEU', 'CT-SNV']);
    expect(tree.children('CT-SNV-TCBC-T1')).toEqual([]);
    expect(codes(tree.units())).toEqual([...codes(units)].sort());
  });

  it('lists ancestors nearest first, and none for a root', () => {
    expect(codes(tree.ancestors('CT-SNV-TCBC-T1'))).toEqual(['CT-SNV-TCBC', 'CT-SNV', 'CT']);
    expect(tree.ancestors('CT')).toEqual([]);
  });

  it('lists descendants at every depth, depth first, without the unit itself', () => {
    expect(codes(tree.descendants('CT'))).toEqual([
      'CT-P-NINHKIEU',
      'CT-P-NINHKIEU-VP',
      'CT-SNV',
      'CT-SNV-CCVC',
      'CT-SNV-TCBC',
      'CT-SNV-TCBC-T1',
    ]);
    expect(codes(tree.descendants('CT-SNV'))).toEqual([
      'CT-SNV-CCVC',
      'CT-SNV-TCBC',
      'CT-SNV-TCBC-T1',
    ]);
    expect(tree.descendants('HG')).toEqual([]);
  });

  it('answers isWithin for the unit itself, anything below, and nothing else', () => {
    expect(tree.isWithin('CT-SNV', 'CT-SNV')).toBe(true);
    expect(tree.isWithin('CT-SNV-TCBC-T1', 'CT')).toBe(true);
    expect(tree.isWithin('CT-SNV-TCBC-T1', 'CT-SNV')).toBe(true);
    expect(tree.isWithin('CT-SNV', 'CT-SNV-TCBC')).toBe(false); // above, not within
    expect(tree.isWithin('CT-P-NINHKIEU', 'CT-SNV')).toBe(false); // sibling
    expect(tree.isWithin('HG', 'CT')).toBe(false); // other root
    expect(tree.isWithin('NOPE', 'CT')).toBe(false);
    expect(tree.isWithin('CT', 'NOPE')).toBe(false);
  });

  it('throws NotFoundError when asked about an unknown unit', () => {
    expect(() => tree.ancestors('NOPE')).toThrow(NotFoundError);
    expect(() => tree.descendants('NOPE')).toThrow(NotFoundError);
    expect(() => tree.children('NOPE')).toThrow(/Unknown unit "NOPE"/);
  });

  it('keeps its own copies of the units', () => {
    const input: Unit[] = [{ code: 'A', name: 'A' }];
    const t = UnitTree.build(input);
    input[0]!.name = 'changed';
    expect(t.get('A')?.name).toBe('A');
    expect(() => {
      (t.get('A') as Unit).name = 'x';
    }).toThrow(TypeError);
  });

  it('handles an empty list and a very deep chain', () => {
    expect(UnitTree.build([]).size).toBe(0);
    const depth = 20_000;
    const chain: Unit[] = Array.from({ length: depth }, (_, i) =>
      i === 0
        ? { code: 'u0', name: 'u0' }
        : { code: `u${i}`, name: `u${i}`, parentCode: `u${i - 1}` },
    );
    const deep = UnitTree.build(chain);
    expect(deep.descendants('u0')).toHaveLength(depth - 1);
    expect(deep.ancestors(`u${depth - 1}`)).toHaveLength(depth - 1);
    expect(deep.isWithin(`u${depth - 1}`, 'u0')).toBe(true);
  });

  describe('check and build reject what is not a tree', () => {
    it('reports an unknown parent', () => {
      const problems = UnitTree.check([
        { code: 'A', name: 'A' },
        { code: 'B', name: 'B', parentCode: 'X' },
      ]);
      expect(problems).toEqual([
        {
          index: 1,
          code: 'B',
          kind: 'unknown-parent',
          parentCode: 'X',
          message: 'unknown parent unit "X"',
        },
      ]);
    });

    it('reports a duplicate code on the later entry', () => {
      expect(
        UnitTree.check([
          { code: 'A', name: 'A' },
          { code: 'B', name: 'B', parentCode: 'A' },
          { code: 'A', name: 'A again' },
        ]),
      ).toEqual([
        { index: 2, code: 'A', kind: 'duplicate-code', message: 'duplicate unit code "A"' },
      ]);
    });

    it('reports a unit that is its own parent', () => {
      expect(UnitTree.check([{ code: 'A', name: 'A', parentCode: 'A' }])).toEqual([
        {
          index: 0,
          code: 'A',
          kind: 'cycle',
          cycle: ['A', 'A'],
          message: 'unit "A" is its own parent',
        },
      ]);
    });

    it('reports every member of a cycle with the path, but not units hanging below it', () => {
      const problems = UnitTree.check([
        { code: 'ROOT', name: 'root' },
        { code: 'A', name: 'A', parentCode: 'C' },
        { code: 'LEAF', name: 'below the cycle', parentCode: 'B' },
        { code: 'B', name: 'B', parentCode: 'A' },
        { code: 'C', name: 'C', parentCode: 'B' },
      ]);
      const message = 'cycle in the unit tree (parent_code): A → C → B → A';
      const cycle = ['A', 'C', 'B', 'A'];
      expect(problems).toEqual([
        { index: 1, code: 'A', kind: 'cycle', cycle, message },
        { index: 3, code: 'B', kind: 'cycle', cycle, message },
        { index: 4, code: 'C', kind: 'cycle', cycle, message },
      ]);
    });

    it('finds two separate cycles', () => {
      const problems = UnitTree.check([
        { code: 'A', name: 'A', parentCode: 'B' },
        { code: 'B', name: 'B', parentCode: 'A' },
        { code: 'C', name: 'C', parentCode: 'D' },
        { code: 'D', name: 'D', parentCode: 'C' },
      ]);
      expect(problems.map((p) => [p.code, p.kind === 'cycle' ? p.cycle : []])).toEqual([
        ['A', ['A', 'B', 'A']],
        ['B', ['A', 'B', 'A']],
        ['C', ['C', 'D', 'C']],
        ['D', ['C', 'D', 'C']],
      ]);
      expect(problems[3]!.message).toBe('cycle in the unit tree (parent_code): C → D → C');
    });

    it('build throws InvalidInputError naming every problem', () => {
      const build = () =>
        UnitTree.build([
          { code: 'A', name: 'A', parentCode: 'B' },
          { code: 'B', name: 'B', parentCode: 'A' },
          { code: 'C', name: 'C', parentCode: 'Z' },
        ]);
      expect(build).toThrow(InvalidInputError);
      expect(build).toThrow(/A → B → A[\s\S]*unknown parent unit "Z"/);
    });
  });

  it('property: isWithin, ancestors and descendants agree on any random forest', () => {
    // Parents always have a smaller index, so every generated list is a valid forest.
    const forest = fc.array(fc.nat(), { minLength: 1, maxLength: 60 }).map((picks) =>
      picks.map((pick, i): Unit => {
        const parent = i === 0 || pick % 4 === 0 ? undefined : `u${pick % i}`;
        return parent === undefined
          ? { code: `u${i}`, name: `Unit ${i}` }
          : { code: `u${i}`, name: `Unit ${i}`, parentCode: parent };
      }),
    );
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (list, x, y) => {
        const t = UnitTree.build(list);
        const a = list[x % list.length]!.code;
        const b = list[y % list.length]!.code;
        const above = codes(t.ancestors(a));
        expect(t.isWithin(a, b)).toBe(a === b || above.includes(b));
        expect(codes(t.descendants(b)).includes(a)).toBe(a !== b && t.isWithin(a, b));
        expect(t.roots().length + list.filter((u) => u.parentCode).length).toBe(list.length);
      }),
    );
  });

  it('property: check flags exactly the units that lie on a cycle', () => {
    // Any parent pointer, including itself or a missing unit: a graph with cycles and dead ends.
    const graph = fc.array(fc.option(fc.nat(), { nil: undefined }), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(graph, (picks) => {
        const n = picks.length;
        const list: Unit[] = picks.map((pick, i) =>
          pick === undefined
            ? { code: `u${i}`, name: 'x' }
            : { code: `u${i}`, name: 'x', parentCode: `u${pick % (n + 2)}` },
        );
        const parent = (i: number): number | undefined => {
          const p = list[i]!.parentCode;
          return p === undefined ? undefined : Number(p.slice(1));
        };
        const onCycle = (start: number): boolean => {
          let i: number | undefined = start;
          for (let step = 0; step < n; step++) {
            i = i === undefined || i >= n ? undefined : parent(i);
            if (i === start) return true;
          }
          return false;
        };
        const expected = list.filter((_, i) => onCycle(i)).map((u) => u.code);
        const flagged = UnitTree.check(list)
          .filter((p) => p.kind === 'cycle')
          .map((p) => p.code);
        expect(flagged).toEqual(expected);
      }),
    );
  });
});
