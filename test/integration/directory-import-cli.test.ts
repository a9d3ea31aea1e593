import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ImportFileError, readTable } from '../../src/cli/directory-import';
import { makeTempDir } from '../helpers/temp-dir';

const tsx = path.resolve('node_modules/.bin/tsx');
const fixtures = path.resolve('test/fixtures/directory');
const UNITS_CSV = path.join(fixtures, 'units.csv');
const PEOPLE_CSV = path.join(fixtures, 'people.csv');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command in a child process, with the data directory given. */
function runImport(dataDir: string, ...args: string[]): Promise<Run> {
  return runWithEnv({ DATA_DIR: dataDir }, args);
}

function runWithEnv(env: Record<string, string>, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ['src/cli/directory-import.ts', ...args],
      { env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Everything the server would read, straight from the SQLite file. */
function stored(dataDir: string, withTimes = true): { units: unknown[]; people: unknown[] } {
  const db = new Database(path.join(dataDir, 'bot.sqlite'), { readonly: true });
  try {
    const cols = withTimes ? '*' : 'code, name, parent_code';
    const pcols = withTimes ? '*' : 'user_id, full_name, email, unit_code, role';
    return {
      units: db.prepare(`SELECT ${cols} FROM directory_units ORDER BY code`).all(),
      people: db.prepare(`SELECT ${pcols} FROM directory_people ORDER BY user_id`).all(),
    };
  } finally {
    db.close();
  }
}

/** A fixture's rows (index 0 is spreadsheet row 1) with `edit` applied, written as CSV to `dir`. */
async function editedCsv(
  source: string,
  dir: string,
  edit: (rows: string[][]) => void,
): Promise<string> {
  const rows = parseCsv(await fs.readFile(source, 'utf8'), { bom: true }) as string[][];
  edit(rows);
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const file = path.join(dir, path.basename(source));
  await fs.writeFile(file, rows.map((r) => `${r.map(quote).join(',')}\r\n`).join(''));
  return file;
}

describe('npm run directory:import', () => {
  const tmp = makeTempDir('directory-cli-');
  afterAll(() => tmp.remove());
  const dir = (name: string) => path.join(tmp.dir, name);

  describe('with good files', () => {
    const dataDir = dir('good');

    it('imports the Cần Thơ CSV sample into an empty data directory and says what it added', async () => {
      const run = await runImport(dataDir, '--units', UNITS_CSV, '--people', PEOPLE_CSV);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain(
        `Danh bạ trong ${path.join(dataDir, 'bot.sqlite')} hiện có 34 đơn vị và 32 người dùng.`,
      );
      expect(run.stdout).toMatch(/^Đơn vị: thêm 34, sửa 0, xoá 0$/m);
      expect(run.stdout).toMatch(/^Người dùng: thêm 32, sửa 0, xoá 0$/m);
      expect(run.stdout).toContain('  + CT  UBND thành phố Cần Thơ');
      const { units, people } = stored(dataDir);
      expect(units).toHaveLength(34);
      expect(people).toHaveLength(32);
      expect(units).toContainEqual(
        expect.objectContaining({
          code: 'CT-X-PHONGDIEN-KT',
          name: 'Phòng Kinh tế xã Phong Điền',
          parent_code: 'CT-X-PHONGDIEN',
        }),
      );
      expect(units).toContainEqual(expect.objectContaining({ code: 'CT', parent_code: null }));
      // A Teams user without an AAD id is keyed by from.id; the BOM did not stick to the header.
      expect(people).toContainEqual(
        expect.objectContaining({
          user_id: '29:1q0MzW7c3tZpXnL5hVbYkRjA8sD2fG4uE6iO9yT',
          full_name: 'Nguyễn Văn Út',
          unit_code: 'CT-X-PHONGDIEN',
          role: 'manager',
        }),
      );
    });

    it('is idempotent: a second run adds, changes and removes nothing', async () => {
      const before = stored(dataDir);
      const run = await runImport(dataDir, '--units', UNITS_CSV, '--people', PEOPLE_CSV);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Đơn vị: thêm 0, sửa 0, xoá 0$/m);
      expect(run.stdout).toMatch(/^Người dùng: thêm 0, sửa 0, xoá 0$/m);
      expect(run.stdout).toMatch(/^Không có gì thay đổi: danh bạ đã khớp với các tệp này\.$/m);
      expect(stored(dataDir)).toEqual(before);
    });

    it('reads the XLSX sample (first sheet, e-mails as hyperlinks) as the same directory', async () => {
      const xlsx = [
        '--units',
        path.join(fixtures, 'units.xlsx'),
        '--people',
        path.join(fixtures, 'people.xlsx'),
      ];
      const again = await runImport(dataDir, ...xlsx);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Không có gì thay đổi: danh bạ đã khớp với các tệp này.');

      const fresh = dir('xlsx');
      const run = await runImport(fresh, ...xlsx);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Đơn vị: thêm 34,/m);
      expect(run.stdout).toMatch(/^Người dùng: thêm 32,/m);
      expect(stored(fresh, false)).toEqual(stored(dataDir, false));
    });

    it('applies an edited file as the whole truth, and a dry run first writes nothing', async () => {
      const work = dir('edit');
      await fs.mkdir(work);
      const units = await editedCsv(UNITS_CSV, work, (rows) => {
        rows.splice(33, 2); // xã Nhơn Ái and its office (rows 34-35)
        rows[14]![1] = 'Sở Tư pháp thành phố Cần Thơ'; // CT-STP, row 15
      });
      const people = await editedCsv(PEOPLE_CSV, work, (rows) => {
        rows.pop(); // Sơn Thị Phương worked in xã Nhơn Ái
        rows[13]![4] = 'manager'; // Tạ Quang Vinh, row 14
      });
      const before = stored(dataDir);

      const dry = await runImport(dataDir, '--units', units, '--people', people, '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.stdout.split('\n')[0]).toBe(
        `Chạy thử (--dry-run) với ${path.join(dataDir, 'bot.sqlite')}: chưa ghi gì vào danh bạ.`,
      );
      expect(stored(dataDir)).toEqual(before);

      const run = await runImport(dataDir, '--units', units, '--people', people);
      expect(run.code).toBe(0);
      for (const out of [dry.stdout, run.stdout]) {
        expect(out).toMatch(/^Đơn vị: thêm 0, sửa 1, xoá 2$/m);
        expect(out).toContain(
          '  ~ CT-STP  Sở Tư pháp thành phố Cần Thơ: name "Sở Tư pháp" → "Sở Tư pháp thành phố Cần Thơ"',
        );
        expect(out).toContain('  - CT-X-NHONAI  UBND xã Nhơn Ái');
        expect(out).toMatch(/^Người dùng: thêm 0, sửa 1, xoá 1$/m);
        expect(out).toMatch(/~ Tạ Quang Vinh .*: role "official" → "manager"/);
        expect(out).toMatch(/- Sơn Thị Phương .*\(dl_5f2b8c1e-webchat\)/);
      }
      expect(stored(dataDir).units).toHaveLength(32);
      expect(stored(dataDir).people).toHaveLength(31);
    });
  });

  describe('with a broken row: prints every problem with its row and changes nothing', () => {
    const dataDir = dir('broken');
    let before: ReturnType<typeof stored>;

    beforeAll(async () => {
      expect((await runImport(dataDir, '--units', UNITS_CSV, '--people', PEOPLE_CSV)).code).toBe(0);
      before = stored(dataDir);
    });

    async function expectRejected(run: Run, lines: string[]): Promise<void> {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        ...lines,
        `Có ${lines.length} lỗi cần sửa trong các tệp. Danh bạ chưa được thay đổi.`,
      ]);
      expect(stored(dataDir)).toEqual(before);
    }

    it('unknown unit', async () => {
      const work = dir('unknown-unit');
      await fs.mkdir(work);
      const people = await editedCsv(PEOPLE_CSV, work, (rows) => {
        rows[6]![3] = 'CT-SO-KHONG-CO';
      });
      const run = await runImport(dataDir, '--units', UNITS_CSV, '--people', people);
      await expectRejected(run, [
        `${people}:7: Mã đơn vị "CT-SO-KHONG-CO" (cột "unit_code") không tồn tại trong tệp đơn vị.`,
      ]);
    });

    it('bad role', async () => {
      const work = dir('bad-role');
      await fs.mkdir(work);
      const people = await editedCsv(PEOPLE_CSV, work, (rows) => {
        rows[11]![4] = 'truong-phong';
      });
      const run = await runImport(dataDir, '--units', UNITS_CSV, '--people', people);
      await expectRejected(run, [
        `${people}:12: Vai trò "truong-phong" (cột "role") không hợp lệ; ` +
          'chỉ được dùng official, manager hoặc admin.',
      ]);
    });

    it('duplicate user_id', async () => {
      const work = dir('duplicate-id');
      await fs.mkdir(work);
      let id = '';
      const people = await editedCsv(PEOPLE_CSV, work, (rows) => {
        id = rows[2]![0]!;
        rows[19]![0] = id;
      });
      const run = await runImport(dataDir, '--units', UNITS_CSV, '--people', people);
      await expectRejected(run, [
        `${people}:20: Mã người dùng "${id}" (cột "user_id") bị trùng với dòng 3.`,
      ]);
    });

    it('cycle in the unit tree', async () => {
      const work = dir('cycle');
      await fs.mkdir(work);
      const units = await editedCsv(UNITS_CSV, work, (rows) => {
        rows[1]![2] = 'CT-SNV-TCBC'; // the city under one of its own divisions
      });
      const run = await runImport(dataDir, '--units', units, '--people', PEOPLE_CSV);
      const cycle =
        'Có vòng lặp trong cây đơn vị (cột "parent_code"): CT → CT-SNV-TCBC → CT-SNV → CT.';
      await expectRejected(run, [
        `${units}:2: ${cycle}`,
        `${units}:6: ${cycle}`,
        `${units}:8: ${cycle}`,
      ]);
    });

    it('several problems in an XLSX sheet, with the row numbers Excel shows', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Cán bộ');
      sheet.addRow(['user_id', 'full_name', 'email', 'unit_code', 'role']);
      sheet.addRow(['aad-1', 'Trần Minh Khôi', 'khoitm@cantho.gov.vn', 'CT', 'manager']);
      sheet.addRow([]); // an empty row 3 that Excel still numbers
      sheet.addRow(['aad-2', 'Lê Hoàng Nam', 'namlh@cantho.gov.vn', 'CT-P-CAIKHE', 'chủ tịch']);
      sheet.addRow(['aad-3', 'Lâm Chí Thanh', 'thanhlc(at)cantho.gov.vn', 'CT-STP', 'official']);
      const people = dir('people-broken.xlsx');
      await workbook.xlsx.writeFile(people);
      const run = await runImport(
        dataDir,
        '--units',
        path.join(fixtures, 'units.xlsx'),
        '--people',
        people,
      );
      await expectRejected(run, [
        `${people}:4: Vai trò "chủ tịch" (cột "role") không hợp lệ; ` +
          'chỉ được dùng official, manager hoặc admin.',
        `${people}:5: Địa chỉ thư điện tử "thanhlc(at)cantho.gov.vn" (cột "email") không hợp lệ.`,
      ]);
    });

    it('wrong header', async () => {
      const work = dir('wrong-header');
      await fs.mkdir(work);
      const people = await editedCsv(PEOPLE_CSV, work, (rows) => {
        rows[0]![0] = 'user';
      });
      const run = await runImport(dataDir, '--units', UNITS_CSV, '--people', people);
      await expectRejected(run, [
        `${people}:1: Dòng tiêu đề chưa đúng: thiếu cột "user_id"; cột "user" không hợp lệ. ` +
          'Dòng tiêu đề đúng là: user_id,full_name,email,unit_code,role.',
      ]);
    });
  });

  describe('with files that cannot be read: a clear message, exit 1, nothing changed', () => {
    const dataDir = dir('unreadable');

    beforeAll(async () => {
      expect((await runImport(dataDir, '--units', UNITS_CSV, '--people', PEOPLE_CSV)).code).toBe(0);
    });

    /** A file problem ends with "nothing changed"; a usage error with the usage text. */
    async function expectRefused(
      args: string[],
      messages: RegExp[],
      fileProblem = true,
    ): Promise<void> {
      const before = stored(dataDir);
      const run = await runImport(dataDir, ...args);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      for (const m of messages) expect(run.stderr).toMatch(m);
      if (fileProblem) expect(run.stderr).toMatch(/\nDanh bạ chưa được thay đổi\.\n$/);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(stored(dataDir)).toEqual(before);
    }

    it('missing file', async () => {
      const missing = dir('no-such-people.csv');
      await expectRefused(
        ['--units', UNITS_CSV, '--people', missing],
        [new RegExp(`^${missing}: Không tìm thấy tệp\\.$`, 'm')],
      );
    });

    it('binary junk named .csv and .xlsx', async () => {
      const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
      await fs.writeFile(dir('junk.csv'), junk);
      await fs.writeFile(dir('junk.xlsx'), junk);
      await expectRefused(
        ['--units', dir('junk.csv'), '--people', dir('junk.xlsx')],
        [
          /junk\.csv: Tệp chứa dữ liệu nhị phân, không phải văn bản CSV\.$/m,
          /junk\.xlsx: Không đọc được tệp Excel \(\.xlsx\) này; tệp có thể bị hỏng\.$/m,
        ],
      );
    });

    it('a CSV that is not UTF-8, and a workbook saved as .csv', async () => {
      const latin1 = Buffer.from('code,name,parent_code\nCT,Th\xe0nh ph\xf4\n', 'latin1');
      await fs.writeFile(dir('ansi.csv'), latin1);
      await fs.copyFile(path.join(fixtures, 'people.xlsx'), dir('people-really-xlsx.csv'));
      await expectRefused(
        ['--units', dir('ansi.csv'), '--people', dir('people-really-xlsx.csv')],
        [
          /ansi\.csv: Tệp không được mã hoá UTF-8 .*lưu lại theo kiểu "CSV UTF-8"\.$/m,
          /people-really-xlsx\.csv: Đây là tệp Excel, không phải văn bản CSV; .* \.xlsx\.$/m,
        ],
      );
    });

    it('missing or unknown options', async () => {
      const usage = /^Cách dùng: npm run directory:import -- --units /m;
      await expectRefused(
        ['--units', UNITS_CSV],
        [/^Cần chỉ rõ cả hai tệp: --units và --people\.$/m, usage],
        false,
      );
      await expectRefused(
        ['--unit', UNITS_CSV, '--people', PEOPLE_CSV],
        [/^Không có tuỳ chọn --unit\.$/m, usage],
        false,
      );
      await expectRefused(
        ['--people', PEOPLE_CSV, '--units'],
        [/^Tuỳ chọn --units cần kèm theo đường dẫn tệp\.$/m, usage],
        false,
      );
      await expectRefused(
        ['--units', UNITS_CSV, '--people', PEOPLE_CSV, 'extra file.csv'],
        [/^Không rõ tham số "extra file\.csv"; /m, usage],
        false,
      );
    });
  });
});

describe('npm run directory:import with a bad configuration', () => {
  const tmp = makeTempDir('directory-config-');
  afterAll(() => tmp.remove());

  it('says so in Vietnamese, passes on the technical detail, exits 1 and creates nothing', async () => {
    const run = await runWithEnv({ DATA_DIR: tmp.dir, LOG_LEVEL: 'loud' }, [
      '--units',
      UNITS_CSV,
      '--people',
      PEOPLE_CSV,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Không nhập được danh bạ do lỗi cấu hình hoặc cơ sở dữ liệu.');
    expect(lines[1]).toMatch(/^Chi tiết kỹ thuật \(để gửi bộ phận kỹ thuật\): .*configuration/);
    expect(run.stderr).toContain('LOG_LEVEL');
    expect(lines[lines.length - 1]).toBe('Danh bạ chưa được thay đổi.');
    await expect(fs.access(path.join(tmp.dir, 'bot.sqlite'))).rejects.toThrow();
  });
});

describe('readTable (the import command reading a sheet)', () => {
  const tmp = makeTempDir('directory-read-');
  afterAll(() => tmp.remove());
  const write = async (name: string, content: string | Buffer) => {
    const file = path.join(tmp.dir, name);
    await fs.writeFile(file, content);
    return file;
  };

  it('numbers rows as a spreadsheet does: a quoted cell over two lines is one row', async () => {
    const file = await write('multi.csv', 'code,name\n\nA,"Tên\ndài"\nB,x\n');
    expect((await readTable(file)).rows).toEqual([
      { row: 1, cells: ['code', 'name'] },
      { row: 2, cells: [''] },
      { row: 3, cells: ['A', 'Tên\ndài'] },
      { row: 4, cells: ['B', 'x'] },
    ]);
  });

  it('reads semicolon-separated CSV (Excel on Vietnamese Windows) and drops the BOM', async () => {
    const file = await write(
      'semi.csv',
      '\uFEFFcode;name;parent_code\r\nCT;Cần Thơ, thành phố;\r\n',
    );
    expect((await readTable(file)).rows).toEqual([
      { row: 1, cells: ['code', 'name', 'parent_code'] },
      { row: 2, cells: ['CT', 'Cần Thơ, thành phố', ''] },
    ]);
  });

  it('accepts stray quotes inside a cell', async () => {
    const file = await write('quotes.csv', 'code,name\nA,Tổ "Tiên phong" số 1\n');
    expect((await readTable(file)).rows[1]?.cells).toEqual(['A', 'Tổ "Tiên phong" số 1']);
  });

  it.each<[string, string | Buffer, ImportFileError['reason']]>([
    ['utf16.csv', Buffer.from('\uFEFFcode,name', 'utf16le'), { type: 'utf16' }],
    ['old.xls', 'whatever', { type: 'old-excel' }],
    ['notes.txt', 'code,name', { type: 'unsupported-type' }],
    [
      'broken.csv',
      'code,name\nA,"never closed\n',
      { type: 'malformed-csv', row: 2, quoteNotClosed: true },
    ],
  ])('refuses %s, saying why', async (name, content, reason) => {
    const file = await write(name, content);
    const refusal = readTable(file);
    await expect(refusal).rejects.toThrow(ImportFileError);
    await expect(refusal).rejects.toMatchObject({ file, reason });
  });

  it('refuses a directory', async () => {
    await expect(readTable(tmp.dir)).rejects.toMatchObject({
      file: tmp.dir,
      reason: { type: 'is-directory' },
    });
  });
});
