/** A body typed as plain text (no tags) becomes paragraphs; HTML passes through (sanitized later). */
export function plainTextToHtml(input: string): string {
  const text = input.replace(/\r\n?/g, "\n").trim();
  if (text === "" || /<[a-z][\s\S]*>/i.test(text)) return text;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join("");
}
