// A query code (查询码) is stored only as a hash; the mail that carries it to the applicant
// is the one place its clear text exists. The outbox keeps it only until the mail is sent
// (then `text` is rewritten without it), and no staff page ever shows it.

export const REDACTED = "●●●●●●";

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join(REDACTED);
  return out;
}

/** z***@example.com: enough for staff to recognise an address without copying it around. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}
