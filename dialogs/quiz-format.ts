/**
 * Small formatting helpers for quiz messages: option letters, durations, instants in Vietnam time
 * and text bars. Pure; the words themselves live in `quiz-texts.ts`.
 */

/** The letter shown for a displayed option index: 0 → `A`. */
export const choiceLetter = (index: number): string => String.fromCharCode(65 + index);

/** `A, B, C hoặc D` for 4 options (`A hoặc B` for 2). */
export function lettersOr(count: number): string {
  const letters = Array.from({ length: Math.max(count, 1) }, (_, i) => choiceLetter(i));
  if (letters.length === 1) return letters[0]!;
  return `${letters.slice(0, -1).join(', ')} hoặc ${letters.at(-1)!}`;
}

/**
 * A duration as Vietnamese words, rounded UP to the second so "0 giây" only shows when nothing is
 * left: `12 phút 30 giây`, `1 giờ 5 phút`, `45 giây`.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} giờ`);
  if (minutes > 0) parts.push(`${minutes} phút`);
  if (seconds > 0 && hours === 0) parts.push(`${seconds} giây`);
  return parts.length > 0 ? parts.join(' ') : '0 giây';
}

/** Vietnam has used UTC+7 all year since 1975: no time-zone database needed. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as Vietnamese officials write it, in Vietnam time: `08:20 ngày 01/11/2026`. */
export function formatInstant(epochMs: number): string {
  const d = new Date(epochMs + VIETNAM_OFFSET_MS);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return `${time} ngày ${date}`;
}

const BAR_CELLS = 10;

/** `▓▓▓▓▓▓░░░░` for 3 of 5: a bar of ten cells that renders in every channel. */
export function textBar(correct: number, total: number): string {
  const filled = total > 0 ? Math.round((BAR_CELLS * Math.min(correct, total)) / total) : 0;
  return '▓'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}
