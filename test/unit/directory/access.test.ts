import {
  canSeePerson,
  canSeeUnit,
  UnitTree,
  visibleUnits,
  type Person,
  type Viewer,
} from '../../../src/directory';

const tree = UnitTree.build([
  { code: 'CT', name: 'UBND thành phố Cần Thơ' },
  { code: 'CT-SNV', name: 'Sở Nội vụ', parentCode: 'CT' },
  { code: 'CT-SNV-TCBC', name: 'Phòng Tổ chức, biên chế', parentCode: 'CT-SNV' },
  { code: 'CT-SKHCN', name: 'Sở Khoa học và Công nghệ', parentCode: 'CT' },
  { code: 'CT-P-NINHKIEU', name: 'UBND phường Ninh Kiều', parentCode: 'CT' },
  { code: 'CT-P-NINHKIEU-VP', name: 'Văn phòng HĐND và UBND', parentCode: 'CT-P-NINHKIEU' },
]);

const person = (userId: string, unitCode: string, role: Person['role']): Person => ({
  userId,
  fullName: userId,
  email: `${userId}@cantho.gov.vn`,
  unitCode,
  role,
});

const cityManager = person('khoi', 'CT', 'manager');
const snvManager = person('phuc', 'CT-SNV', 'manager');
const tcbcOfficial = person('loc', 'CT-SNV-TCBC', 'official');
const wardManager = person('tu', 'CT-P-NINHKIEU', 'manager');
const admin = person('triet', 'CT-SKHCN', 'admin');
const wardOfficial = person('hau', 'CT-P-NINHKIEU-VP', 'official');

describe('canSeeUnit', () => {
  it.each<[string, Viewer | undefined, string, boolean]>([
    ['admin: a unit elsewhere in the tree', admin, 'CT-P-NINHKIEU-VP', true],
    ['admin: the root', admin, 'CT', true],
    ['admin: a unit that does not exist', admin, 'NOPE', false],
    ['manager: his own unit', snvManager, 'CT-SNV', true],
    ['manager: a division below his unit', snvManager, 'CT-SNV-TCBC', true],
    ['manager: the unit above his', snvManager, 'CT', false],
    ['manager: a sibling department', snvManager, 'CT-SKHCN', false],
    ['manager: a ward that is not his', wardManager, 'CT-SNV', false],
    ['city manager: a ward division two levels down', cityManager, 'CT-P-NINHKIEU-VP', true],
    ['manager: an unknown unit', cityManager, 'NOPE', false],
    ['official: even his own unit', tcbcOfficial, 'CT-SNV-TCBC', false],
    ['someone not in the directory', undefined, 'CT', false],
  ])('%s', (_, viewer, unitCode, expected) => {
    expect(canSeeUnit(viewer, unitCode, tree)).toBe(expected);
  });
});

describe('canSeePerson', () => {
  it.each<[string, Viewer | undefined, Person, boolean]>([
    ['official: himself', tcbcOfficial, tcbcOfficial, true],
    [
      'official: a colleague in the same unit',
      tcbcOfficial,
      person('x', 'CT-SNV-TCBC', 'official'),
      false,
    ],
    ['official: his own manager', tcbcOfficial, snvManager, false],
    ['manager: himself', wardManager, wardManager, true],
    ['manager: someone in a division below', snvManager, tcbcOfficial, true],
    ['manager: another manager in his unit', snvManager, person('y', 'CT-SNV', 'manager'), true],
    ['manager: someone in another department', snvManager, wardOfficial, false],
    ['manager: the city manager above him', snvManager, cityManager, false],
    ['manager: an admin in his subtree', cityManager, admin, true],
    ['admin: anyone', admin, wardOfficial, true],
    ['admin: someone whose unit is unknown', admin, person('z', 'GONE', 'official'), true],
    ['manager: someone whose unit is unknown', cityManager, person('z', 'GONE', 'official'), false],
    ['someone not in the directory', undefined, wardOfficial, false],
  ])('%s', (_, viewer, target, expected) => {
    expect(canSeePerson(viewer, target, tree)).toBe(expected);
  });
});

describe('visibleUnits', () => {
  const codes = (viewer: Viewer | undefined) => visibleUnits(viewer, tree).map((u) => u.code);

  it('gives a manager his unit first, then everything below it', () => {
    expect(codes(snvManager)).toEqual(['CT-SNV', 'CT-SNV-TCBC']);
    expect(codes(wardManager)).toEqual(['CT-P-NINHKIEU', 'CT-P-NINHKIEU-VP']);
  });

  it('gives an admin the whole tree and an official or a stranger nothing', () => {
    expect(codes(admin)).toHaveLength(tree.size);
    expect(codes(admin)[0]).toBe('CT');
    expect(codes(tcbcOfficial)).toEqual([]);
    expect(codes(undefined)).toEqual([]);
  });

  it('gives nothing to a manager whose unit is no longer in the tree', () => {
    expect(codes(person('old', 'GONE', 'manager'))).toEqual([]);
  });

  it('agrees with canSeeUnit for every viewer and unit', () => {
    for (const viewer of [
      cityManager,
      snvManager,
      tcbcOfficial,
      wardManager,
      admin,
      wardOfficial,
    ]) {
      const visible = new Set(codes(viewer));
      for (const unit of tree.units()) {
        expect([viewer.userId, unit.code, visible.has(unit.code)]).toEqual([
          viewer.userId,
          unit.code,
          canSeeUnit(viewer, unit.code, tree),
        ]);
      }
    }
  });
});
