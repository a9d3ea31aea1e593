/** Optional words before a typed choice: "đáp án B", "Đáp án: c", "chọn 2" (folded forms too). */
const CHOICE_PREFIX = /^(?:(?:đáp án|dap an|chọn|chon|phương án|phuong an)\s*:?\s*)?/u;
/** A letter or a number of up to two digits (`0` too), as a choice is typed: "b.", "(c)", "3". */
const CHOICE = /^[([]?\s*([a-z]|\d{1,2})\s*[)\]]?\s*[.:,;!)]?$/;

/** The letter or number of a text typed as a choice, lower-case, or undefined. */
function choiceToken(text: string): string | undefined {
  return CHOICE.exec(text.normalize('NFKC').trim().toLowerCase().replace(CHOICE_PREFIX, ''))?.[1];
}

/**
 * Reads a typed answer to a question with `optionCount` options: a letter (`A`, `b`, `c.`,
 * `(d)`, `B)`) or a 1-based number (`3`, `2.`), optionally after "đáp án"/"chọn"/"phương án",
 * case- and width-insensitive (`Ｂ`). Returns the 0-based DISPLAYED option index, or
 * `undefined` when the text is not a choice or is out of range (`E` with 4 options, `0`, `99`,
 * an empty string).
 */
export function parseTypedAnswer(text: string, optionCount: number): number | undefined {
  if (!Number.isInteger(optionCount) || optionCount < 1) return undefined;
  const token = choiceToken(text);
  if (token === undefined) return undefined;
  const index = /\d/.test(token) ? Number(token) - 1 : token.charCodeAt(0) - 'a'.charCodeAt(0);
  return index >= 0 && index < optionCount ? index : undefined;
}

/**
 * Whether `text` is typed as a choice ("A", "b.", "(c)", "3", "Đáp án D"), whether or not the
 * question has that option (`E`, `0`, `99`): such text is answered "no such option", other text
 * "not understood", and the bot hands it to the quiz rather than asking it as a question.
 */
export function looksLikeChoice(text: string): boolean {
  return choiceToken(text) !== undefined;
}

const GROUPED =
  /^(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d{1,12})(?:\s*\p{L}+(?:\s+\p{L}+)*)?$/u;

/**
 * Reads a typed tiebreak prediction: a non-negative integer, with optional thousands separators
 * as Vietnamese writes them (`1.234`, `1 234`, also `1,234`) and an optional trailing word
 * (`1.500 người`). Returns `undefined` for anything else (`-3`, `1,5`, `abc`, `""`).
 */
export function parseTypedNumber(text: string): number | undefined {
  const match = GROUPED.exec(text.normalize('NFKC').trim());
  if (!match?.[1]) return undefined;
  const value = Number(match[1].replace(/[., ]/g, ''));
  return Number.isSafeInteger(value) ? value : undefined;
}
