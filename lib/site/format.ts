// Small display helpers for contact details. Pure, unit-tested.

/**
 * A tel: URI when the value is one phone number ("0123-4567890",
 * "(0123) 456 7890", "+86 10 1234 5678"), else null — a value such as
 * "4567890、4567891" is shown as plain text rather than a broken link.
 */
export function telHref(value: string): string | null {
  const v = value.trim();
  if (!/^\+?[\d\s()-]{5,24}$/.test(v)) return null;
  const digits = v.replace(/[^\d+]/g, "");
  return digits.replace(/\+/g, "").length >= 5 ? `tel:${digits}` : null;
}

/** A mailto: URI for a plausible single e-mail address, else null. */
export function mailtoHref(value: string): string | null {
  const v = value.trim();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(v) ? `mailto:${v}` : null;
}
