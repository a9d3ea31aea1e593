import { GREETINGS, HELP_COMMANDS, THANKS } from '../../dialogs';
import { foldDiacritics } from '../language';

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
/** Longer messages are never only a greeting or thanks. */
const MAX_COURTESY_CHARS = 40;
/** Above this share of junk characters a message is binary garbage, whatever letters it has. */
const MAX_JUNK_SHARE = 0.2;

const helpCommands = new Set(HELP_COMMANDS.map((c) => c.normalize('NFC').toLowerCase()));
/** Punctuation, symbols and emoji: "Chào bạn!", "Cảm ơn 🙏". */
const NOT_WORD = /[\p{P}\p{S}\p{Emoji_Presentation}\u200d\ufe0f]+/gu;
/** Polite particles that may close a greeting or thanks ("ạ", "nhé", "nha"), folded. */
const CLOSING_PARTICLES = new Set(['a', 'nhe', 'nha']);

/** A short message as compared with the greetings and thanks: folded, its closing particles off. */
function courtesyKey(text: string): string {
  const words = foldDiacritics(text.normalize('NFC').replace(NOT_WORD, ' '))
    .split(/\s+/u)
    .filter(Boolean);
  while (words.length > 1 && CLOSING_PARTICLES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** Greetings and thanks, as `courtesyKey` reads them: typed with or without marks, they match. */
const greetings = new Set(GREETINGS.map(courtesyKey));
const thanks = new Set(THANKS.map(courtesyKey));

/**
 * Whether a (normalised) message only greets or only thanks ("Xin chào!", "cam on nhieu a 🙏"),
 * rather than asks: such a message is not searched as a question.
 */
export function courtesyOf(text: string): 'greeting' | 'thanks' | undefined {
  if ([...text].length > MAX_COURTESY_CHARS) return undefined;
  const key = courtesyKey(text);
  if (greetings.has(key)) return 'greeting';
  if (thanks.has(key)) return 'thanks';
  return undefined;
}

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
