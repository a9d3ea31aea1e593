import {
  changeSummaryText,
  commandLineText,
  directoryImportTexts,
  fileErrorLine,
  fileErrorText,
  importProblemLine,
  importProblemText,
  type CommandLineIssue,
  type ImportFileReason,
} from '../../../dialogs/directory-texts';
import {
  diffDirectory,
  summarizeChanges,
  type ImportFile,
  type ImportIssue,
  type Person,
  type Unit,
} from '../../../src/directory';

/** One sample of every kind: the mapped types make tsc fail when a kind is added without one. */
const issueSamples: { [T in ImportIssue['type']]: Extract<ImportIssue, { type: T }> } = {
  'empty-file': { type: 'empty-file', expected: ['code', 'name', 'parent_code'] },
  'wrong-header': {
    type: 'wrong-header',
    missing: ['name'],
    unknown: ['ten'],
    repeated: ['code'],
    expected: ['code', 'name', 'parent_code'],
    swapped: true,
  },
  'extra-cells': { type: 'extra-cells', width: 3 },
  'no-rows': { type: 'no-rows' },
  missing: { type: 'missing', column: 'email' },
  'has-spaces': { type: 'has-spaces', column: 'code', value: 'CT STP' },
  'too-long': { type: 'too-long', column: 'full_name', max: 300 },
  duplicate: { type: 'duplicate', column: 'user_id', value: 'aad-2', firstRow: 3 },
  'unknown-parent': { type: 'unknown-parent', value: 'CT-X' },
  'own-parent': { type: 'own-parent', value: 'CT-SNV' },
  cycle: { type: 'cycle', cycle: ['CT', 'CT-SNV', 'CT'] },
  'bad-email': { type: 'bad-email', value: 'a(at)b.vn' },
  'unknown-unit': { type: 'unknown-unit', value: 'CT-NOPE' },
  'bad-role': { type: 'bad-role', value: 'chief', allowed: ['official', 'manager', 'admin'] },
};

const reasonSamples: { [T in ImportFileReason['type']]: Extract<ImportFileReason, { type: T }> } = {
  'is-directory': { type: 'is-directory' },
  'too-large': { type: 'too-large', bytes: 60 * 2 ** 20, maxBytes: 50 * 2 ** 20 },
  unreadable: { type: 'unreadable', errno: 'EIO' },
  'old-excel': { type: 'old-excel' },
  'unsupported-type': { type: 'unsupported-type' },
  'workbook-named-csv': { type: 'workbook-named-csv' },
  utf16: { type: 'utf16' },
  binary: { type: 'binary' },
  'not-utf8': { type: 'not-utf8' },
  'malformed-csv': { type: 'malformed-csv', row: 4, quoteNotClosed: false },
  'bad-workbook': { type: 'bad-workbook' },
  'no-sheet': { type: 'no-sheet' },
};

const commandLineSamples: {
  [T in CommandLineIssue['type']]: Extract<CommandLineIssue, { type: T }>;
} = {
  'unknown-option': { type: 'unknown-option', option: '--unit' },
  'missing-value': { type: 'missing-value', option: '--units' },
  'unexpected-value': { type: 'unexpected-value', option: '--dry-run' },
  'unexpected-argument': { type: 'unexpected-argument', value: 'units.csv' },
  'missing-files': { type: 'missing-files' },
  invalid: { type: 'invalid' },
};

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
// Words the English messages used; none may be left once quoted values and names are set aside.
const ENGLISH = new RegExp(
  '(?<![\\p{L}\\p{N}_])(the|a|an|is|are|of|in|on|to|and|or|not|no|file|row|rows|column|columns|' +
    'unit|units|people|person|header|missing|unknown|duplicate|expected|bad|wrong|added|changed|' +
    'removed|nothing|change|cannot|must|cycle|parent|empty|error)(?![\\p{L}\\p{N}_])',
  'iu',
);
const ALLOWED_NAMES =
  /"[^"]*"|--[a-z-]+|\b(code|name|parent_code|user_id|full_name|email|unit_code|role|official|manager|admin)\b|\.(csv|xlsx|xls)\b/g;

/** Checks one text an operator reads: Vietnamese, NFC, with diacritics, no English left. */
function expectVietnamese(text: string): void {
  expect(text.trim()).not.toBe('');
  expect(text).toBe(text.normalize('NFC'));
  expect(text).toMatch(VIETNAMESE_LETTER);
  expect(text.replace(ALLOWED_NAMES, ' ')).not.toMatch(ENGLISH);
}

describe('directory import texts', () => {
  describe('every kind has a Vietnamese text', () => {
    it.each(
      (['units', 'people'] as ImportFile[]).flatMap((file) =>
        Object.values(issueSamples).map((issue) => [file, issue.type, issue] as const),
      ),
    )('%s: %s', (file, _, issue) => {
      expectVietnamese(importProblemText({ file, row: 2, issue }));
    });

    it.each(Object.values(reasonSamples).map((r) => [r.type, r] as const))(
      'file error %s',
      (_, reason) => {
        expectVietnamese(fileErrorText(reason));
      },
    );

    it.each(Object.values(commandLineSamples).map((i) => [i.type, i] as const))(
      'command line %s',
      (_, issue) => {
        expectVietnamese(commandLineText(issue));
      },
    );

    it('the fixed sentences too', () => {
      const t = directoryImportTexts;
      for (const text of [
        t.usage,
        t.nothingChanged,
        t.problemsFound(3),
        t.dryRun('data/bot.sqlite'),
        t.imported('data/bot.sqlite', 34, 32),
      ]) {
        expectVietnamese(text);
      }
    });

    it('the check itself catches English and missing diacritics', () => {
      expect(() => expectVietnamese('unknown unit "CT-X"')).toThrow();
      expect(() => expectVietnamese('Khong ton tai')).toThrow();
      expect(() => expectVietnamese('Đơn vị không tồn tại'.normalize('NFD'))).toThrow();
    });
  });

  describe('problem lines keep the file:row: message shape and quote names exactly', () => {
    it.each<[ImportFile, ImportIssue, string]>([
      [
        'people',
        issueSamples['unknown-unit'],
        'Mã đơn vị "CT-NOPE" (cột "unit_code") không tồn tại trong tệp đơn vị.',
      ],
      [
        'people',
        issueSamples['bad-role'],
        'Vai trò "chief" (cột "role") không hợp lệ; chỉ được dùng official, manager hoặc admin.',
      ],
      [
        'people',
        issueSamples.duplicate,
        'Mã người dùng "aad-2" (cột "user_id") bị trùng với dòng 3.',
      ],
      [
        'units',
        { type: 'duplicate', column: 'code', value: 'CT-SNV', firstRow: 3 },
        'Mã đơn vị "CT-SNV" (cột "code") bị trùng với dòng 3.',
      ],
      [
        'units',
        issueSamples.cycle,
        'Có vòng lặp trong cây đơn vị (cột "parent_code"): CT → CT-SNV → CT.',
      ],
      [
        'units',
        issueSamples['own-parent'],
        'Đơn vị "CT-SNV" lại là đơn vị cấp trên của chính nó (cột "parent_code").',
      ],
      [
        'units',
        issueSamples['unknown-parent'],
        'Đơn vị cấp trên "CT-X" (cột "parent_code") không tồn tại trong tệp đơn vị.',
      ],
      ['people', issueSamples.missing, 'Cột "email" đang để trống.'],
      [
        'people',
        issueSamples['bad-email'],
        'Địa chỉ thư điện tử "a(at)b.vn" (cột "email") không hợp lệ.',
      ],
      ['people', issueSamples['no-rows'], 'Không có người dùng nào bên dưới dòng tiêu đề.'],
      ['units', issueSamples['no-rows'], 'Không có đơn vị nào bên dưới dòng tiêu đề.'],
      [
        'units',
        {
          type: 'wrong-header',
          missing: ['name'],
          unknown: ['ten'],
          repeated: [],
          expected: ['code', 'name', 'parent_code'],
          swapped: false,
        },
        'Dòng tiêu đề chưa đúng: thiếu cột "name"; cột "ten" không hợp lệ. ' +
          'Dòng tiêu đề đúng là: code,name,parent_code.',
      ],
      [
        'units',
        {
          type: 'wrong-header',
          missing: ['code', 'name', 'parent_code'],
          unknown: ['user_id', 'role'],
          repeated: [],
          expected: ['code', 'name', 'parent_code'],
          swapped: true,
        },
        'Dòng tiêu đề chưa đúng: thiếu các cột "code", "name", "parent_code"; ' +
          'các cột "user_id", "role" không hợp lệ. Dòng tiêu đề đúng là: code,name,parent_code. ' +
          'Đây có vẻ là tệp người dùng: có phải hai tệp --units và --people đã bị đặt nhầm chỗ ' +
          'cho nhau?',
      ],
    ])('%s, case %#', (file, issue, text) => {
      expect(importProblemLine(`${file}.csv`, { file, row: 7, issue })).toBe(
        `${file}.csv:7: ${text}`,
      );
    });

    it('file errors name the file, and the row of a CSV that cannot be parsed', () => {
      expect(fileErrorLine('/tmp/people.csv', { type: 'unreadable', errno: 'ENOENT' })).toBe(
        '/tmp/people.csv: Không tìm thấy tệp.',
      );
      expect(
        fileErrorLine('units.csv', { type: 'malformed-csv', row: 2, quoteNotClosed: true }),
      ).toBe(
        'units.csv:2: Tệp CSV sai định dạng: có dấu ngoặc kép (") được mở nhưng chưa được đóng.',
      );
      expect(fileErrorText(reasonSamples['too-large'])).toBe(
        'Tệp quá lớn (60 MB); dung lượng tối đa là 50 MB.',
      );
    });

    it('the usage text quotes both headers and the role values', () => {
      expect(directoryImportTexts.usage).toContain('code,name,parent_code');
      expect(directoryImportTexts.usage).toContain('user_id,full_name,email,unit_code,role');
      expect(directoryImportTexts.usage).toContain('official, manager, admin');
    });
  });

  describe('changeSummaryText', () => {
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
    const render = (
      before: { units: Unit[]; people: Person[] },
      after: { units: Unit[]; people: Person[] },
      maxListed?: number,
    ) =>
      changeSummaryText(
        summarizeChanges(diffDirectory(before, after), before, after, { maxListed }),
      );

    it('counts, then lists each entry with old and new values of changed fields', () => {
      const next = {
        units: [units[0]!, { code: 'CT-SNV', name: 'Sở Nội vụ TP' }],
        people: [{ ...people[0]!, role: 'admin' as const }],
      };
      expect(render({ units, people }, next).split('\n')).toEqual([
        'Đơn vị: thêm 0, sửa 1, xoá 1',
        '  ~ CT-SNV  Sở Nội vụ TP: name "Sở Nội vụ" → "Sở Nội vụ TP"; parent_code "CT" → (trống)',
        '  - CT-STP  Sở Tư pháp',
        'Người dùng: thêm 0, sửa 1, xoá 1',
        '  ~ Trần Minh Khôi <khoitm@cantho.gov.vn>  CT, admin  (u1): role "manager" → "admin"',
        '  - Lâm Chí Thanh <thanhlc@cantho.gov.vn>  CT-STP, official  (u2)',
      ]);
    });

    it('says when there is nothing to change', () => {
      expect(render({ units, people }, { units, people }).split('\n')).toEqual([
        'Đơn vị: thêm 0, sửa 0, xoá 0',
        'Người dùng: thêm 0, sửa 0, xoá 0',
        'Không có gì thay đổi: danh bạ đã khớp với các tệp này.',
      ]);
    });

    it('cuts long lists and says how many more', () => {
      const empty = { units: [], people: [] };
      const many = Array.from({ length: 25 }, (_, i) => ({ code: `U${i}`, name: `Đơn vị ${i}` }));
      const manyPeople = people.map((p) => ({ ...p, unitCode: 'U0' }));
      const text = render(empty, { units: many, people: manyPeople }, 20);
      expect(text).toMatch(/^Đơn vị: thêm 25, sửa 0, xoá 0$/m);
      expect(text.split('\n').filter((l) => l.startsWith('  + U'))).toHaveLength(20);
      expect(text).toContain('\n  … và 5 đơn vị khác được thêm\n');
      const back = render({ units: many, people: manyPeople }, empty, 1);
      expect(back).toContain('  … và 24 đơn vị khác bị xoá');
      expect(back).toContain('  … và 1 người dùng khác bị xoá');
      expectVietnamese(back.replace(/ {2}- .*/g, ''));
    });
  });
});
