/**
 * Everything the `directory:import` command tells provincial IT operators, in Vietnamese: the
 * usage text, why a file cannot be read, each problem in a row (`file:row: message`) and the
 * summary of what the import adds, changes and removes. Pure: the command passes data (problems
 * from `validateDirectoryImport`, a `ChangeSummary`, reasons below) and prints what comes back.
 * Column names and role values are quoted exactly as the files must spell them.
 */
import type {
  ChangeSummary,
  FieldChange,
  ImportFile,
  ImportIssue,
  ImportProblem,
  KindSummary,
  ListedChanges,
  Person,
  Unit,
} from '../src/directory';

/** Why a file given to the command cannot be read as a sheet. */
export type ImportFileReason =
  | { type: 'is-directory' }
  | { type: 'too-large'; bytes: number; maxBytes: number }
  /** The system refused to read it; `errno` as Node reports it (`ENOENT`, `EACCES`...). */
  | { type: 'unreadable'; errno?: string }
  | { type: 'old-excel' }
  | { type: 'unsupported-type' }
  | { type: 'workbook-named-csv' }
  | { type: 'utf16' }
  | { type: 'binary' }
  | { type: 'not-utf8' }
  /** The CSV parser gave up at spreadsheet row `row`. */
  | { type: 'malformed-csv'; row: number; quoteNotClosed: boolean }
  | { type: 'bad-workbook' }
  | { type: 'no-sheet' };

/** What is wrong with the command line itself. */
export type CommandLineIssue =
  | { type: 'unknown-option'; option: string }
  | { type: 'missing-value'; option: string }
  | { type: 'unexpected-value'; option: string }
  | { type: 'unexpected-argument'; value: string }
  | { type: 'missing-files' }
  | { type: 'invalid' };

const UNIT_HEADER = 'code,name,parent_code';
const PEOPLE_HEADER = 'user_id,full_name,email,unit_code,role';
const SAVE_AS_CSV = 'Anh/chị vui lòng mở tệp bằng Excel và lưu lại theo kiểu "CSV UTF-8".';
const mb = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** Fixed sentences of the command. */
export const directoryImportTexts = {
  usage:
    'Cách dùng: npm run directory:import -- --units <tệp đơn vị> --people <tệp người dùng> ' +
    '[--dry-run]\n' +
    `  --units    tệp đơn vị (.csv hoặc .xlsx), dòng tiêu đề: ${UNIT_HEADER}\n` +
    `  --people   tệp người dùng (.csv hoặc .xlsx), dòng tiêu đề: ${PEOPLE_HEADER}\n` +
    '             (cột role nhận một trong các giá trị: official, manager, admin)\n' +
    '  --dry-run  chỉ kiểm tra và cho biết sẽ thay đổi những gì, không ghi vào danh bạ\n' +
    '  --help     hiện hướng dẫn này',
  nothingChanged: 'Danh bạ chưa được thay đổi.',
  problemsFound: (count: number): string =>
    `Có ${count} lỗi cần sửa trong các tệp. Danh bạ chưa được thay đổi.`,
  dryRun: (dbFile: string): string =>
    `Chạy thử (--dry-run) với ${dbFile}: chưa ghi gì vào danh bạ.`,
  imported: (dbFile: string, units: number, people: number): string =>
    `Danh bạ trong ${dbFile} hiện có ${units} đơn vị và ${people} người dùng.`,
  /** Lead line for a configuration or database failure; `detail` is technical (English). */
  failed: (detail: string): string =>
    'Không nhập được danh bạ do lỗi cấu hình hoặc cơ sở dữ liệu.\n' +
    `Chi tiết kỹ thuật (để gửi bộ phận kỹ thuật): ${detail}`,
} as const;

/** The line printed for a file that cannot be read: `file: message` or `file:row: message`. */
export function fileErrorLine(file: string, reason: ImportFileReason): string {
  const where = reason.type === 'malformed-csv' ? `${file}:${reason.row}` : file;
  return `${where}: ${fileErrorText(reason)}`;
}

/** Why a file cannot be read, as a sentence. */
export function fileErrorText(reason: ImportFileReason): string {
  switch (reason.type) {
    case 'is-directory':
      return 'Đây là một thư mục, không phải tệp.';
    case 'too-large':
      return (
        `Tệp quá lớn (${mb.format(reason.bytes / 2 ** 20)} MB); ` +
        `dung lượng tối đa là ${mb.format(reason.maxBytes / 2 ** 20)} MB.`
      );
    case 'unreadable':
      return reason.errno === 'ENOENT'
        ? 'Không tìm thấy tệp.'
        : reason.errno === 'EACCES' || reason.errno === 'EPERM'
          ? 'Không có quyền đọc tệp.'
          : `Không đọc được tệp (mã lỗi hệ thống: ${reason.errno ?? 'không rõ'}).`;
    case 'old-excel':
      return (
        'Tệp Excel định dạng cũ (.xls). ' +
        'Anh/chị vui lòng lưu lại thành tệp .xlsx hoặc theo kiểu "CSV UTF-8".'
      );
    case 'unsupported-type':
      return 'Loại tệp này không được hỗ trợ; vui lòng dùng tệp .csv hoặc .xlsx.';
    case 'workbook-named-csv':
      return 'Đây là tệp Excel, không phải văn bản CSV; vui lòng đổi đuôi tên tệp thành .xlsx.';
    case 'utf16':
      return `Tệp văn bản được mã hoá UTF-16. ${SAVE_AS_CSV}`;
    case 'binary':
      return 'Tệp chứa dữ liệu nhị phân, không phải văn bản CSV.';
    case 'not-utf8':
      return `Tệp không được mã hoá UTF-8 (có thể đã lưu bằng bảng mã khác). ${SAVE_AS_CSV}`;
    case 'malformed-csv':
      return reason.quoteNotClosed
        ? 'Tệp CSV sai định dạng: có dấu ngoặc kép (") được mở nhưng chưa được đóng.'
        : 'Tệp CSV sai định dạng, không đọc được từ dòng này.';
    case 'bad-workbook':
      return 'Không đọc được tệp Excel (.xlsx) này; tệp có thể bị hỏng.';
    case 'no-sheet':
      return 'Tệp Excel không có trang tính nào.';
  }
}

/** What is wrong with the command line, as a sentence (the usage text follows it). */
export function commandLineText(issue: CommandLineIssue): string {
  switch (issue.type) {
    case 'unknown-option':
      return `Không có tuỳ chọn ${issue.option}.`;
    case 'missing-value':
      return `Tuỳ chọn ${issue.option} cần kèm theo đường dẫn tệp.`;
    case 'unexpected-value':
      return `Tuỳ chọn ${issue.option} không nhận giá trị.`;
    case 'unexpected-argument':
      return `Không rõ tham số "${issue.value}"; đường dẫn tệp phải đứng sau --units hoặc --people.`;
    case 'missing-files':
      return 'Cần chỉ rõ cả hai tệp: --units và --people.';
    case 'invalid':
      return 'Tham số dòng lệnh không hợp lệ.';
  }
}

/** The line printed for a problem: `file:row: message`, `fileName` as the operator typed it. */
export function importProblemLine(fileName: string, problem: ImportProblem): string {
  return `${fileName}:${problem.row}: ${importProblemText(problem)}`;
}

/** A problem in an import file, as one or two sentences (without the file and row). */
export function importProblemText(problem: ImportProblem): string {
  return issueText(problem.file, problem.issue);
}

function issueText(file: ImportFile, issue: ImportIssue): string {
  switch (issue.type) {
    case 'empty-file':
      return `Tệp trống. Dòng đầu tiên phải là dòng tiêu đề: ${issue.expected.join(',')}.`;
    case 'wrong-header': {
      const parts = [
        issue.missing.length > 0 ? `thiếu ${columns(issue.missing)}` : '',
        issue.unknown.length > 0 ? `${columns(issue.unknown)} không hợp lệ` : '',
        issue.repeated.length > 0 ? `${columns(issue.repeated)} bị lặp lại` : '',
      ].filter(Boolean);
      const swapped = issue.swapped
        ? ` Đây có vẻ là tệp ${file === 'units' ? 'người dùng' : 'đơn vị'}: ` +
          'có phải hai tệp --units và --people đã bị đặt nhầm chỗ cho nhau?'
        : '';
      return (
        `Dòng tiêu đề chưa đúng: ${parts.join('; ')}. ` +
        `Dòng tiêu đề đúng là: ${issue.expected.join(',')}.${swapped}`
      );
    }
    case 'extra-cells':
      return `Dòng này có dữ liệu nằm ngoài ${issue.width} cột của dòng tiêu đề.`;
    case 'no-rows':
      return `Không có ${file === 'units' ? 'đơn vị' : 'người dùng'} nào bên dưới dòng tiêu đề.`;
    case 'missing':
      return `Cột "${issue.column}" đang để trống.`;
    case 'has-spaces':
      return `Giá trị "${issue.value}" ở cột "${issue.column}" không được chứa dấu cách.`;
    case 'too-long':
      return `Giá trị ở cột "${issue.column}" dài quá ${issue.max} ký tự.`;
    case 'duplicate':
      return (
        `${issue.column === 'code' ? 'Mã đơn vị' : 'Mã người dùng'} "${issue.value}" ` +
        `(cột "${issue.column}") bị trùng với dòng ${issue.firstRow}.`
      );
    case 'unknown-parent':
      return (
        `Đơn vị cấp trên "${issue.value}" (cột "parent_code") ` + 'không tồn tại trong tệp đơn vị.'
      );
    case 'own-parent':
      return `Đơn vị "${issue.value}" lại là đơn vị cấp trên của chính nó (cột "parent_code").`;
    case 'cycle':
      return `Có vòng lặp trong cây đơn vị (cột "parent_code"): ${issue.cycle.join(' → ')}.`;
    case 'bad-email':
      return `Địa chỉ thư điện tử "${issue.value}" (cột "email") không hợp lệ.`;
    case 'unknown-unit':
      return `Mã đơn vị "${issue.value}" (cột "unit_code") không tồn tại trong tệp đơn vị.`;
    case 'bad-role':
      return (
        `Vai trò "${issue.value}" (cột "role") không hợp lệ; ` +
        `chỉ được dùng ${orList(issue.allowed)}.`
      );
  }
}

/** `cột "a"` or `các cột "a", "b"`. */
function columns(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`).join(', ');
  return names.length === 1 ? `cột ${quoted}` : `các cột ${quoted}`;
}

/** `a, b hoặc c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} hoặc ${items[items.length - 1]}`;
}

/**
 * What an import adds, changes and removes, one block per kind: a count line
 * (`Đơn vị: thêm 1, sửa 2, xoá 0`), then one line per entry added (`+`), changed (`~`, with each
 * field's old and new value) and removed (`-`), and a closing sentence when nothing changes.
 */
export function changeSummaryText(summary: ChangeSummary): string {
  const unitLine = (u: Unit) => `${u.code}  ${u.name}`;
  const personLine = (p: Person) =>
    `${p.fullName} <${p.email}>  ${p.unitCode}, ${p.role}  (${p.userId})`;
  const lines = [
    ...kindLines('Đơn vị', 'đơn vị', summary.units, unitLine),
    ...kindLines('Người dùng', 'người dùng', summary.people, personLine),
  ];
  if (summary.nothingToChange) {
    lines.push('Không có gì thay đổi: danh bạ đã khớp với các tệp này.');
  }
  return lines.join('\n');
}

const ACTIONS = [
  { what: 'added', mark: '+', done: 'được thêm' },
  { what: 'changed', mark: '~', done: 'được sửa' },
  { what: 'removed', mark: '-', done: 'bị xoá' },
] as const;

function kindLines<T>(
  label: string,
  noun: string,
  kind: KindSummary<T>,
  describe: (entry: T) => string,
): string[] {
  const lines = [
    `${label}: thêm ${kind.added.count}, sửa ${kind.changed.count}, xoá ${kind.removed.count}`,
  ];
  for (const { what, mark, done } of ACTIONS) {
    const changes: ListedChanges<T> = kind[what];
    for (const c of changes.listed) {
      const text = c.entry === undefined ? c.key : describe(c.entry);
      lines.push(`  ${mark} ${text}${fieldsText(c.fields)}`);
    }
    const rest = changes.count - changes.listed.length;
    if (rest > 0) lines.push(`  … và ${rest} ${noun} khác ${done}`);
  }
  return lines;
}

function fieldsText(fields: readonly FieldChange[]): string {
  if (fields.length === 0) return '';
  const shown = (v: string | undefined) => (v === undefined ? '(trống)' : `"${v}"`);
  return `: ${fields.map((f) => `${f.column} ${shown(f.before)} → ${shown(f.after)}`).join('; ')}`;
}
