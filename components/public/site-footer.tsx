import { ContactLink } from "./contact-link";
import type { SiteSettings } from "@/lib/site/settings-model";
import { ICP_RECORD_URL, psbRecordUrl } from "@/lib/site/settings-model";

export type SiteFooterProps = { settings: SiteSettings };

/**
 * The footer required of government websites: 主办单位, 承办单位, contact
 * details, 网站标识码, ICP备案号 and 公安机关备案号 (all from SiteSetting; empty
 * values are left out).
 */
export function SiteFooter({ settings: s }: SiteFooterProps) {
  const psbUrl = s.psbNo ? psbRecordUrl(s.psbNo) : null;
  // The numbers usually carry their own marker ("京ICP备…", "京公网安备…").
  const psbLabel = s.psbNo.includes("公网安备") ? s.psbNo : `公安机关备案号：${s.psbNo}`;
  const contact: [string, string][] = (
    [
      ["地址", s.address && s.address + (s.postalCode ? `（邮编：${s.postalCode}）` : "")],
      ["电话", s.phone],
      ["电子邮箱", s.email],
    ] as [string, string][]
  ).filter(([, v]) => v);
  return (
    <footer className="mt-12 border-t-4 border-brand bg-surface-muted text-ink-soft">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-8 text-sm sm:text-base">
        <p className="flex flex-wrap gap-x-6 gap-y-1">
          <span>主办单位：{s.hostOrg}</span>
          {s.organizerOrg ? <span>承办单位：{s.organizerOrg}</span> : null}
        </p>
        {contact.length ? (
          <p className="flex flex-wrap gap-x-6 gap-y-1">
            {contact.map(([label, value]) => (
              <span key={label}>
                {label}：
                {label === "电子邮箱" ? (
                  <ContactLink kind="email" value={value} />
                ) : label === "电话" ? (
                  <ContactLink kind="phone" value={value} />
                ) : (
                  value
                )}
              </span>
            ))}
          </p>
        ) : null}
        <p className="flex flex-wrap gap-x-6 gap-y-1">
          {s.siteCode ? <span>网站标识码：{s.siteCode}</span> : null}
          {s.icpNo ? (
            <span>
              <a href={ICP_RECORD_URL} rel="noopener noreferrer" className="text-link underline underline-offset-4">
                {/ICP/i.test(s.icpNo) ? s.icpNo : `ICP备案号：${s.icpNo}`}
              </a>
            </span>
          ) : null}
          {s.psbNo ? (
            <span>
              {psbUrl ? (
                <a href={psbUrl} rel="noopener noreferrer" className="text-link underline underline-offset-4">
                  {psbLabel}
                </a>
              ) : (
                psbLabel
              )}
            </span>
          ) : null}
        </p>
      </div>
    </footer>
  );
}
