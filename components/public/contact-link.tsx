import { mailtoHref, telHref } from "@/lib/site/format";

export type ContactLinkProps = { kind: "phone" | "email"; value: string };

/** A phone number or e-mail address as a tel:/mailto: link when well-formed, else text. */
export function ContactLink({ kind, value }: ContactLinkProps) {
  const href = kind === "phone" ? telHref(value) : mailtoHref(value);
  if (!href) return <>{value}</>;
  return (
    <a href={href} className="text-link underline underline-offset-4">
      {value}
    </a>
  );
}
