// The source label recorded for years loaded from the chinese-days package.
// Kept apart from chinese-days-source.ts (which embeds the dataset).
import pkg from "chinese-days/package.json" with { type: "json" };

export const CHINESE_DAYS_SOURCE = `chinese-days ${pkg.version}`;
