import {
  validateDirectoryImport,
  type ImportProblem,
  type ImportTable,
} from '../../../src/directory';

/** A sheet from rows of cells; the first row is row 1 (the header), as a spreadsheet numbers it. */
const sheet = (...rows: string[][]): ImportTable => ({
  rows: rows.map((cells, i) => ({ row: i + 1, cells })),
});

const UNIT_HEADER = ['code', 'name', 'parent_code'];
const PEOPLE_HEADER = ['user_id', 'full_name', 'email', 'unit_code', 'role'];

const goodUnits = (): string[][] => [
  UNIT_HEADER,
  ['CT', 'UBND thành phố Cần Thơ', ''],
  ['CT-SNV', 'Sở Nội vụ', 'CT'],
  ['CT-SNV-TCBC', 'Phòng Tổ chức, biên chế', 'CT-SNV'],
  ['CT-P-NINHKIEU', 'UBND phường Ninh Kiều', 'CT'],
];
const goodPeople = (): string[][] => [
  PEOPLE_HEADER,
  ['aad-1', 'Trần Minh Khôi', 'khoitm@cantho.gov.vn', 'CT', 'manager'],
  ['aad-2', 'Huỳnh Thị Thanh Trúc', 'truchtt@cantho.gov.vn', 'CT-SNV-TCBC', 'official'],
  ['aad-3', 'Lý Minh Triết', 'trietlm@cantho.gov.vn', 'CT-SNV', 'admin'],
  ['29:1abc', 'Nguyễn Thị Cẩm Tú', 'tuntc@cantho.gov.vn', 'CT-P-NINHKIEU', 'manager'],
];

/** Validates, with `edit` applied to copies of the good sheets, and returns the problems. */
function problemsAfter(edit: (units: string[][], people: string[][]) => void): ImportProblem[] {
  const units = goodUnits();
  const people = goodPeople();
  edit(units, people);
  const result = validateDirectoryImport({ units: sheet(...units), people: sheet(...people) });
  return result.ok ? [] : result.problems;
}

describe('validateDirectoryImport', () => {
  it('turns good sheets into units and people', () => {
    const result = validateDirectoryImport({
      units: sheet(...goodUnits()),
      people: sheet(...goodPeople()),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.units[0]).toEqual({ code: 'CT', name: 'UBND thành phố Cần Thơ' });
    expect(result.units[0]).not.toHaveProperty('parentCode');
    expect(result.units[1]).toEqual({ code: 'CT-SNV', name: 'Sở Nội vụ', parentCode: 'CT' });
    expect(result.people).toHaveLength(4);
    expect(result.people[1]).toEqual({
      userId: 'aad-2',
      fullName: 'Huỳnh Thị Thanh Trúc',
      email: 'truchtt@cantho.gov.vn',
      unitCode: 'CT-SNV-TCBC',
      role: 'official',
    });
  });

  it('tidies cells: trims, NFC-normalises, collapses spaces in names, lower-cases roles', () => {
    const nfd = 'Nguyễn Văn Út'.normalize('NFD');
    const result = validateDirectoryImport({
      units: sheet(['Code', ' Name ', 'Parent Code'], ['  CT\u00a0', ' UBND   thành phố ', ' ']),
      people: sheet(
        ['USER_ID', 'full name', 'Email', 'unit-code', 'Role'],
        [' u1 ', `  ${nfd}  `, ' utnv@cantho.gov.vn ', 'CT', ' Manager '],
      ),
    });
    expect(result).toEqual({
      ok: true,
      units: [{ code: 'CT', name: 'UBND thành phố' }],
      people: [
        {
          userId: 'u1',
          fullName: 'Nguyễn Văn Út',
          email: 'utnv@cantho.gov.vn',
          unitCode: 'CT',
          role: 'manager',
        },
      ],
    });
    if (result.ok) expect(result.people[0]!.fullName).toBe('Nguyễn Văn Út'.normalize('NFC'));
  });

  it('accepts columns in any order', () => {
    const people = goodPeople().map(([id, name, email, unit, role]) => [
      role!,
      unit!,
      email!,
      name!,
      id!,
    ]);
    const result = validateDirectoryImport({
      units: sheet(...goodUnits()),
      people: sheet(...people),
    });
    expect(result.ok && result.people[0]).toMatchObject({ userId: 'aad-1', role: 'manager' });
  });

  it('skips blank rows but keeps the row numbers a spreadsheet shows', () => {
    const problems = problemsAfter((_, people) => {
      people.splice(2, 0, ['', ' ', '', '', ''], []);
      people[5]![4] = 'chief'; // aad-3, now on row 6
    });
    expect(problems).toEqual([
      {
        file: 'people',
        row: 6,
        issue: { type: 'bad-role', value: 'chief', allowed: ['official', 'manager', 'admin'] },
      },
    ]);
  });

  describe('rejects the whole import, naming each problem and its row', () => {
    it('unknown unit', () => {
      expect(
        problemsAfter((_, people) => {
          people[3]![3] = 'CT-SO-KHONG-CO';
        }),
      ).toEqual([
        { file: 'people', row: 4, issue: { type: 'unknown-unit', value: 'CT-SO-KHONG-CO' } },
      ]);
    });

    it('unknown parent unit', () => {
      expect(
        problemsAfter((units) => {
          units[4]![2] = 'CT-X';
        }),
      ).toEqual([{ file: 'units', row: 5, issue: { type: 'unknown-parent', value: 'CT-X' } }]);
    });

    it('bad role', () => {
      expect(
        problemsAfter((_, people) => {
          people[2]![4] = 'trưởng phòng';
        }),
      ).toEqual([
        {
          file: 'people',
          row: 3,
          issue: {
            type: 'bad-role',
            value: 'trưởng phòng',
            allowed: ['official', 'manager', 'admin'],
          },
        },
      ]);
    });

    it('duplicate user_id', () => {
      expect(
        problemsAfter((_, people) => {
          people.push(['aad-2', 'Người Trùng', 'trung@cantho.gov.vn', 'CT', 'official']);
        }),
      ).toEqual([
        {
          file: 'people',
          row: 6,
          issue: { type: 'duplicate', column: 'user_id', value: 'aad-2', firstRow: 3 },
        },
      ]);
    });

    it('duplicate unit code', () => {
      expect(
        problemsAfter((units) => {
          units.push(['CT-SNV', 'Sở Nội vụ (bản sao)', 'CT']);
        }),
      ).toEqual([
        {
          file: 'units',
          row: 6,
          issue: { type: 'duplicate', column: 'code', value: 'CT-SNV', firstRow: 3 },
        },
      ]);
    });

    it('cycle in the tree, on every unit in it', () => {
      const issue = { type: 'cycle', cycle: ['CT', 'CT-SNV-TCBC', 'CT-SNV', 'CT'] };
      expect(
        problemsAfter((units) => {
          units[1]![2] = 'CT-SNV-TCBC';
        }),
      ).toEqual([
        { file: 'units', row: 2, issue },
        { file: 'units', row: 3, issue },
        { file: 'units', row: 4, issue },
      ]);
    });

    it('a unit that is its own parent', () => {
      expect(
        problemsAfter((units) => {
          units[4]![2] = 'CT-P-NINHKIEU';
        }),
      ).toEqual([{ file: 'units', row: 5, issue: { type: 'own-parent', value: 'CT-P-NINHKIEU' } }]);
    });

    it.each([
      ['user_id', 0],
      ['full_name', 1],
      ['email', 2],
      ['unit_code', 3],
      ['role', 4],
    ])('empty %s', (column, at) => {
      expect(
        problemsAfter((_, people) => {
          people[2]![at] = '   ';
        }),
      ).toEqual([{ file: 'people', row: 3, issue: { type: 'missing', column } }]);
    });

    it('empty unit name', () => {
      expect(
        problemsAfter((units) => {
          units[4]![1] = '';
        }),
      ).toEqual([{ file: 'units', row: 5, issue: { type: 'missing', column: 'name' } }]);
    });

    it('empty unit code, and so the people in that unit point nowhere', () => {
      expect(
        problemsAfter((units) => {
          units[4]![0] = '';
        }),
      ).toEqual([
        { file: 'units', row: 5, issue: { type: 'missing', column: 'code' } },
        { file: 'people', row: 5, issue: { type: 'unknown-unit', value: 'CT-P-NINHKIEU' } },
      ]);
    });

    it.each(['trucht', 'truc@', '@cantho.gov.vn', 'truc htt@cantho.gov.vn', 'truc@cantho'])(
      'bad e-mail %s',
      (email) => {
        expect(
          problemsAfter((_, people) => {
            people[2]![2] = email;
          }),
        ).toEqual([{ file: 'people', row: 3, issue: { type: 'bad-email', value: email } }]);
      },
    );

    it('spaces inside a code or user id', () => {
      expect(
        problemsAfter((units, people) => {
          units.push(['CT STP', 'Sở Tư pháp', 'CT']);
          people[1]![0] = 'aad 1';
        }),
      ).toEqual([
        { file: 'units', row: 6, issue: { type: 'has-spaces', column: 'code', value: 'CT STP' } },
        {
          file: 'people',
          row: 2,
          issue: { type: 'has-spaces', column: 'user_id', value: 'aad 1' },
        },
      ]);
    });

    it('cells beyond the header', () => {
      expect(
        problemsAfter((units) => {
          units[2]!.push('', 'ghi chú');
        }),
      ).toEqual([{ file: 'units', row: 3, issue: { type: 'extra-cells', width: 3 } }]);
    });

    it('values over the length limits', () => {
      expect(
        problemsAfter((units, people) => {
          units[2]![1] = 'x'.repeat(301);
          people[3]![0] = 'u'.repeat(129);
        }),
      ).toEqual([
        { file: 'units', row: 3, issue: { type: 'too-long', column: 'name', max: 300 } },
        { file: 'people', row: 4, issue: { type: 'too-long', column: 'user_id', max: 128 } },
      ]);
    });

    it('lists every problem in both files, units first, in row order', () => {
      const problems = problemsAfter((units, people) => {
        people[4]![4] = 'boss';
        people[1]![2] = 'not-an-email';
        units[3]![1] = '';
        units.push(['CT', 'again', '']);
      });
      expect(problems.map((p) => `${p.file}:${p.row}`)).toEqual([
        'units:4',
        'units:6',
        'people:2',
        'people:5',
      ]);
    });
  });

  describe('headers and empty files', () => {
    const headerProblem = (units: string[][], people: string[][]) => {
      const result = validateDirectoryImport({ units: sheet(...units), people: sheet(...people) });
      return result.ok ? [] : result.problems;
    };

    it('names missing and unknown columns and the expected header, and checks no row', () => {
      expect(
        headerProblem(
          [
            ['code', 'ten', 'parent_code'],
            ['CT', 'x', 'NOPE'],
          ],
          goodPeople(),
        ),
      ).toEqual([
        {
          file: 'units',
          row: 1,
          issue: {
            type: 'wrong-header',
            missing: ['name'],
            unknown: ['ten'],
            repeated: [],
            expected: ['code', 'name', 'parent_code'],
            swapped: false,
          },
        },
      ]);
    });

    it('names repeated columns', () => {
      const people = goodPeople();
      people[0] = [...PEOPLE_HEADER, 'role'];
      expect(headerProblem(goodUnits(), people)).toEqual([
        {
          file: 'people',
          row: 1,
          issue: expect.objectContaining({ missing: [], unknown: [], repeated: ['role'] }),
        },
      ]);
    });

    it('says when the two files are swapped', () => {
      const problems = headerProblem(goodPeople(), goodUnits());
      expect(problems.map((p) => [p.file, p.row])).toEqual([
        ['units', 1],
        ['people', 1],
      ]);
      expect(problems[0]!.issue).toEqual({
        type: 'wrong-header',
        missing: ['code', 'name', 'parent_code'],
        unknown: ['user_id', 'full_name', 'email', 'unit_code', 'role'],
        repeated: [],
        expected: ['code', 'name', 'parent_code'],
        swapped: true,
      });
      expect(problems[1]!.issue).toMatchObject({ type: 'wrong-header', swapped: true });
    });

    it('rejects an empty file and a file with only a header', () => {
      expect(headerProblem([], goodPeople())).toEqual([
        {
          file: 'units',
          row: 1,
          issue: { type: 'empty-file', expected: ['code', 'name', 'parent_code'] },
        },
      ]);
      expect(headerProblem(goodUnits(), [PEOPLE_HEADER, ['', '', '', '', '']])).toEqual([
        { file: 'people', row: 2, issue: { type: 'no-rows' } },
      ]);
    });
  });
});
