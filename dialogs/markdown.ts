/** Escapes the characters Teams and Web Chat Markdown would interpret. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** A link whose text is the readable URL and whose target is safely percent-encoded. */
export function markdownLink(url: string): string {
  let readable = url;
  try {
    readable = decodeURI(url);
  } catch {
    // Keep the URL as written when it is not valid percent-encoding.
  }
  const href = encodeURI(readable).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${escapeMarkdown(readable)}](${href})`;
}
