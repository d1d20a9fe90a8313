// Pure part of the site settings: the shape the public shell renders and the
// fallback used when the SiteSetting row (id = 1) has not been created yet or
// the database cannot be reached. No I/O here, so it is unit-testable.

/** Site-wide settings as the public shell uses them (all strings, never null). */
export type SiteSettings = {
  siteName: string;
  /** 主办单位 */
  hostOrg: string;
  /** 承办单位 */
  organizerOrg: string;
  address: string;
  postalCode: string;
  phone: string;
  email: string;
  /** 网站标识码 */
  siteCode: string;
  /** ICP备案号 */
  icpNo: string;
  /** 公安机关备案号 */
  psbNo: string;
  /** True when the values come from the fallback, not from the database. */
  isFallback: boolean;
};

/** The columns read from the SiteSetting table. */
export type SiteSettingRow = Omit<SiteSettings, "isFallback">;

export const DEFAULT_SITE_NAME = "示例县人民政府";

/** Settings shown when there is no SiteSetting row (or the database is down). */
export function fallbackSiteSettings(siteName: string = DEFAULT_SITE_NAME): SiteSettings {
  const name = clean(siteName) || DEFAULT_SITE_NAME;
  return {
    siteName: name,
    hostOrg: name,
    organizerOrg: "",
    address: "",
    postalCode: "",
    phone: "",
    email: "",
    siteCode: "",
    icpNo: "",
    psbNo: "",
    isFallback: true,
  };
}

/**
 * Turns a database row (or null when the row is missing) into the settings the
 * shell renders: values are trimmed, an empty site name falls back to
 * `fallbackName`, and an empty 主办单位 falls back to the site name.
 */
export function resolveSiteSettings(row: Partial<SiteSettingRow> | null | undefined, fallbackName?: string): SiteSettings {
  if (!row) return fallbackSiteSettings(fallbackName);
  const base = fallbackSiteSettings(fallbackName);
  const siteName = clean(row.siteName) || base.siteName;
  return {
    siteName,
    hostOrg: clean(row.hostOrg) || siteName,
    organizerOrg: clean(row.organizerOrg),
    address: clean(row.address),
    postalCode: clean(row.postalCode),
    phone: clean(row.phone),
    email: clean(row.email),
    siteCode: clean(row.siteCode),
    icpNo: clean(row.icpNo),
    psbNo: clean(row.psbNo),
    isFallback: false,
  };
}

/**
 * Link for a 公安机关备案号 ("X公网安备 12345602000001号") on the national
 * filing site, or null when the number holds no digits to query.
 */
export function psbRecordUrl(psbNo: string): string | null {
  const digits = psbNo.replace(/\D/g, "");
  return digits.length >= 6 ? `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}` : null;
}

/** The MIIT ICP filing lookup every Chinese site links its ICP备案号 to. */
export const ICP_RECORD_URL = "https://beian.miit.gov.cn/";

function clean(v: string | null | undefined): string {
  return typeof v === "string" ? v.trim() : "";
}
