import type { DirectoryRepository, Person, Unit } from '../../../src/directory';
import { InvalidInputError } from '../../../src/errors';

export const contractUnits: Unit[] = [
  { code: 'CT', name: 'UBND thành phố Cần Thơ' },
  { code: 'CT-SNV', name: 'Sở Nội vụ', parentCode: 'CT' },
  { code: 'CT-SNV-TCBC', name: 'Phòng Tổ chức, biên chế', parentCode: 'CT-SNV' },
  { code: 'CT-SKHCN', name: 'Sở Khoa học và Công nghệ', parentCode: 'CT' },
  { code: 'CT-P-NINHKIEU', name: 'UBND phường Ninh Kiều', parentCode: 'CT' },
];

const person = (userId: string, unitCode: string, role: Person['role'], fullName = userId) => ({
  userId,
  fullName,
  email: `${userId}@cantho.gov.vn`,
  unitCode,
  role,
});

export const contractPeople: Person[] = [
  person('khoi', 'CT', 'manager', 'Trần Minh Khôi'),
  person('phuc', 'CT-SNV', 'manager', 'Nguyễn Hoàng Phúc'),
  person('loc', 'CT-SNV-TCBC', 'official', 'Đặng Văn Lộc'),
  person('an', 'CT-SNV-TCBC', 'official', 'Lê Văn An'),
  person('triet', 'CT-SKHCN', 'admin', 'Lý Minh Triết'),
  person('tu', 'CT-P-NINHKIEU', 'manager', 'Nguyễn Thị Cẩm Tú'),
];

const nothing = { added: [], changed: [], removed: [] };

/**
 * The `DirectoryRepository` contract (see its TSDoc), run against every adapter. `create` returns
 * a fresh, empty repository and a cleanup function.
 */
export function describeDirectoryRepositoryContract(
  name: string,
  create: () => { repository: DirectoryRepository; cleanup?: () => void },
): void {
  describe(`DirectoryRepository contract: ${name}`, () => {
    let repo: DirectoryRepository;
    let cleanup: (() => void) | undefined;

    beforeEach(() => {
      ({ repository: repo, cleanup } = create());
    });
    afterEach(() => cleanup?.());

    it('starts empty', async () => {
      expect(await repo.listUnits()).toEqual([]);
      expect(await repo.listPeople()).toEqual([]);
      expect(await repo.getPerson('khoi')).toBeUndefined();
      expect((await repo.unitTree()).size).toBe(0);
    });

    it('imports a directory, reporting every key as added, and reads it back', async () => {
      expect(await repo.replaceAll(contractUnits, contractPeople)).toEqual({
        units: {
          added: ['CT', 'CT-P-NINHKIEU', 'CT-SKHCN', 'CT-SNV', 'CT-SNV-TCBC'],
          changed: [],
          removed: [],
        },
        people: { added: ['an', 'khoi', 'loc', 'phuc', 'triet', 'tu'], changed: [], removed: [] },
      });
      expect(await repo.getPerson('loc')).toEqual(contractPeople[2]);
      expect(await repo.getUnit('CT-SNV')).toEqual(contractUnits[1]);
      const root = await repo.getUnit('CT');
      expect(root).toEqual({ code: 'CT', name: 'UBND thành phố Cần Thơ' });
      expect(root).not.toHaveProperty('parentCode');
      expect((await repo.listUnits()).map((u) => u.code)).toEqual([
        'CT',
        'CT-P-NINHKIEU',
        'CT-SKHCN',
        'CT-SNV',
        'CT-SNV-TCBC',
      ]);
      const tree = await repo.unitTree();
      expect(tree.size).toBe(5);
      expect(tree.isWithin('CT-SNV-TCBC', 'CT')).toBe(true);
    });

    it('is idempotent: the same import again reports nothing and changes nothing', async () => {
      await repo.replaceAll(contractUnits, contractPeople);
      const before = { units: await repo.listUnits(), people: await repo.listPeople() };
      expect(
        await repo.replaceAll([...contractUnits].reverse(), [...contractPeople].reverse()),
      ).toEqual({ units: nothing, people: nothing });
      expect({ units: await repo.listUnits(), people: await repo.listPeople() }).toEqual(before);
    });

    it('treats the new lists as the whole truth: adds, changes and removes', async () => {
      await repo.replaceAll(contractUnits, contractPeople);
      const units: Unit[] = [
        contractUnits[0]!,
        { ...contractUnits[1]!, name: 'Sở Nội vụ thành phố Cần Thơ' },
        { ...contractUnits[2]!, parentCode: 'CT' }, // moved up a level
        { code: 'CT-STC', name: 'Sở Tài chính', parentCode: 'CT' },
        // CT-SKHCN and CT-P-NINHKIEU are gone, and the people in them
      ];
      const people: Person[] = [
        contractPeople[0]!,
        { ...contractPeople[1]!, role: 'admin' },
        contractPeople[2]!,
        { ...contractPeople[3]!, unitCode: 'CT-STC' },
        person('my', 'CT-STC', 'official', 'Trương Thị Diễm My'),
      ];
      expect(await repo.replaceAll(units, people)).toEqual({
        units: {
          added: ['CT-STC'],
          changed: ['CT-SNV', 'CT-SNV-TCBC'],
          removed: ['CT-P-NINHKIEU', 'CT-SKHCN'],
        },
        people: { added: ['my'], changed: ['an', 'phuc'], removed: ['triet', 'tu'] },
      });
      expect(await repo.getPerson('triet')).toBeUndefined();
      expect(await repo.getUnit('CT-SKHCN')).toBeUndefined();
      expect(await repo.getPerson('phuc')).toMatchObject({ role: 'admin' });
      expect(await repo.getUnit('CT-SNV-TCBC')).toMatchObject({ parentCode: 'CT' });
      const tree = await repo.unitTree();
      expect(tree.has('CT-SKHCN')).toBe(false);
      expect(tree.isWithin('CT-SNV-TCBC', 'CT-SNV')).toBe(false);
      expect((await repo.listPeople()).map((p) => p.userId).sort()).toEqual(
        ['an', 'khoi', 'loc', 'my', 'phuc'].sort(),
      );
    });

    it('lists the people of exactly the given units, ordered by unit then user id', async () => {
      await repo.replaceAll(contractUnits, contractPeople);
      expect((await repo.listPeople(['CT-SNV-TCBC', 'CT'])).map((p) => p.userId)).toEqual([
        'khoi',
        'an',
        'loc',
      ]);
      expect((await repo.listPeople(['CT-SNV'])).map((p) => p.userId)).toEqual(['phuc']);
      expect(await repo.listPeople([])).toEqual([]);
      expect(await repo.listPeople(['NOPE'])).toEqual([]);
      expect((await repo.listPeople()).map((p) => p.userId)).toEqual([
        'khoi',
        'tu',
        'triet',
        'phuc',
        'an',
        'loc',
      ]);
    });

    it('returns copies', async () => {
      await repo.replaceAll(contractUnits, contractPeople);
      const p = (await repo.getPerson('loc'))!;
      p.role = 'admin';
      (await repo.listPeople())[0]!.fullName = 'changed';
      (await repo.listUnits())[0]!.name = 'changed';
      expect(await repo.getPerson('loc')).toEqual(contractPeople[2]);
      expect(await repo.getUnit('CT')).toEqual(contractUnits[0]);
      expect((await repo.listPeople())[0]!.fullName).toBe('Trần Minh Khôi');
    });

    it('never rejects a lookup for a strange key', async () => {
      await repo.replaceAll(contractUnits, contractPeople);
      for (const key of ['', ' ', 'KHOI', "khoi' OR 1=1 --", 42, null, undefined, {}]) {
        expect(await repo.getPerson(key as string)).toBeUndefined();
        expect(await repo.getUnit(key as string)).toBeUndefined();
      }
    });

    it.each<[string, Unit[], Person[], RegExp]>([
      ['an unknown unit', contractUnits, [person('x', 'NOPE', 'official')], /unknown unit "NOPE"/],
      [
        'a cycle',
        [{ ...contractUnits[0]!, parentCode: 'CT-SNV-TCBC' }, ...contractUnits.slice(1)],
        contractPeople,
        /cycle in the unit tree/,
      ],
      [
        'a duplicate user id',
        contractUnits,
        [...contractPeople, { ...contractPeople[0]! }],
        /duplicate user_id "khoi"/,
      ],
      [
        'a bad role',
        contractUnits,
        [{ ...contractPeople[0]!, role: 'boss' as Person['role'] }],
        /bad role "boss"/,
      ],
      ['an unknown parent', [{ code: 'A', name: 'A', parentCode: 'B' }], [], /unknown parent/],
    ])(
      'rejects %s with InvalidInputError and keeps the directory as it was',
      async (_, units, people, message) => {
        await repo.replaceAll(contractUnits, contractPeople);
        const before = { units: await repo.listUnits(), people: await repo.listPeople() };
        const attempt = repo.replaceAll(units, people);
        await expect(attempt).rejects.toThrow(InvalidInputError);
        await expect(attempt).rejects.toThrow(message);
        expect({ units: await repo.listUnits(), people: await repo.listPeople() }).toEqual(before);
        expect((await repo.unitTree()).size).toBe(contractUnits.length);
      },
    );

    it('can be emptied by an explicit empty import', async () => {
      await repo.replaceAll(contractUnits, contractPeople);
      const changes = await repo.replaceAll([], []);
      expect(changes.units.removed).toHaveLength(contractUnits.length);
      expect(changes.people.removed).toHaveLength(contractPeople.length);
      expect(await repo.listUnits()).toEqual([]);
      expect((await repo.unitTree()).size).toBe(0);
    });
  });
}
