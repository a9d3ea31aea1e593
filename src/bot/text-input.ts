import { HELP_COMMANDS } from '../../dialogs';

/** What a user's text turned out to be, before anything is asked. */
export type TextInput =
  | { kind: 'empty' }
  | { kind: 'too-long'; chars: number }
  | { kind: 'unreadable' }
  | { kind: 'help' }
  | { kind: 'question'; text: string };

// Control and format characters other than tab/newline, plus U+FFFD (what a decoder leaves of
// bytes that were not text) and noncharacters.
const JUNK = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\uFFFD\uFFFE\uFFFF]/gu;
const JUNK_CHAR = new RegExp(JUNK.source, 'u');
const KEEP = /[\t\n\r]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Above this share of junk characters a message is binary garbage, whatever letters it has. */
const MAX_JUNK_SHARE = 0.2;

const helpCommands = new Set(HELP_COMMANDS.map((c) => c.normalize('NFC').toLowerCase()));

/** NFC, junk characters removed, whitespace runs collapsed, trimmed. */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(JUNK, (ch) => (KEEP.test(ch) ? ch : ' '))
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Classifies a message's text; the bot answers only `question`s. */
export function classifyText(raw: string | undefined, maxChars: number): TextInput {
  const source = raw ?? '';
  const chars = [...source];
  const junk = chars.filter((ch) => !KEEP.test(ch) && JUNK_CHAR.test(ch)).length;
  const text = normalizeText(source);
  if (text.length === 0 && junk === 0) return { kind: 'empty' };
  const length = [...text].length;
  if (length > maxChars) return { kind: 'too-long', chars: length };
  const command = text.toLowerCase().replace(/(?<=.)[.!。]+$/u, '');
  if (helpCommands.has(command)) return { kind: 'help' };
  if (!LETTER_OR_DIGIT.test(text) || junk / chars.length > MAX_JUNK_SHARE) {
    return { kind: 'unreadable' };
  }
  return { kind: 'question', text };
}
