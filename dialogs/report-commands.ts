import { foldDiacritics } from '../src/language';

/** The four report commands. */
export type ReportCommandKind = 'summary' | 'not-taken' | 'export' | 'ranking';

/**
 * A report command typed by a user. `args` are the words after the command as typed (NFC, case
 * kept; the router matches contest ids and the report service unit codes in any case). `problem`
 * is set when the words cannot be codes at all: too many of them, or characters no code has.
 */
export interface ReportCommand {
  readonly kind: ReportCommandKind;
  readonly args: readonly string[];
  readonly problem?: 'too-many-args' | 'bad-arg';
}

/** Most words each command takes: `[unit] [contest]`, or `[contest]` for the ranking. */
export const MAX_REPORT_ARGS: Record<ReportCommandKind, number> = {
  summary: 2,
  'not-taken': 2,
  export: 2,
  ranking: 1,
};

/** A unit code or a contest id: letters, digits, `.`, `_`, `-`; at most 64 characters. */
export const REPORT_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

/** Slash commands, compared folded, lower case and without spaces (`/báo cáo`, `/BaoCao`). */
const SLASH: Record<string, ReportCommandKind> = {
  baocao: 'summary',
  baocaodonvi: 'summary',
  thongke: 'summary',
  chuathi: 'not-taken',
  aichuathi: 'not-taken',
  xuatexcel: 'export',
  xuatbaocao: 'export',
  excel: 'export',
  xephang: 'ranking',
  bangxephang: 'ranking',
};

/**
 * Whole messages without a slash, compared folded and without spaces: "báo cáo đơn vị",
 * "thống kê", "ai chưa thi", "xuất excel", "xếp hạng" (with or without diacritics). They take no
 * codes, so that an ordinary question starting with these words is still answered as a question.
 */
const PLAIN: Record<string, ReportCommandKind> = {
  baocao: 'summary',
  baocaodonvi: 'summary',
  xembaocao: 'summary',
  thongke: 'summary',
  thongkedonvi: 'summary',
  aichuathi: 'not-taken',
  nhungaichuathi: 'not-taken',
  danhsachchuathi: 'not-taken',
  xuatexcel: 'export',
  xuatfileexcel: 'export',
  xuatbaocaoexcel: 'export',
  xephang: 'ranking',
  bangxephang: 'ranking',
  xemxephang: 'ranking',
};

const squash = (words: string): string =>
  foldDiacritics(words.normalize('NFC')).toLowerCase().replace(/\s+/g, '');

/** The longest run of leading words that names a command, and the words after it. */
function matchSlash(words: readonly string[]): ReportCommand | undefined {
  for (const take of [4, 3, 2, 1]) {
    if (words.length < take) continue;
    const kind = SLASH[squash(words.slice(0, take).join(' '))];
    if (!kind) continue;
    const args = words.slice(take);
    if (args.length > MAX_REPORT_ARGS[kind]) return { kind, args, problem: 'too-many-args' };
    if (args.some((a) => !REPORT_CODE.test(a))) return { kind, args, problem: 'bad-arg' };
    return { kind, args };
  }
  return undefined;
}

/**
 * Reads a report command: `/baocao [đơn vị] [cuộc thi]`, `/chuathi [đơn vị] [cuộc thi]`,
 * `/xuatexcel [đơn vị] [cuộc thi]`, `/xephang [cuộc thi]` (command words compared without
 * diacritics, case or spaces), or one of the plain phrases as the whole message. Returns
 * `undefined` for anything else (other commands, questions).
 */
export function parseReportCommand(text: string): ReportCommand | undefined {
  const cleaned = text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/(?<=.)[.!?。]+$/u, '')
    .trim();
  if (cleaned.startsWith('/')) {
    const words = cleaned.slice(1).trim().split(' ').filter(Boolean);
    return matchSlash(words);
  }
  const kind = PLAIN[squash(cleaned)];
  return kind ? { kind, args: [] } : undefined;
}
