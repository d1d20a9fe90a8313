/**
 * Which Chinese fonts the PDF letters use. Preferred: the system's Noto CJK
 * collections (Debian fonts-noto-cjk: a serif for the body as official letters
 * expect). When they are absent — a fresh machine that has only Node.js —
 * the Noto Sans SC faces shipped in the npm package @embedpdf/fonts-sc are
 * used for both roles, so `npm install && npm start` can still write the
 * demo's letters. CJK_SERIF_FONT / CJK_SANS_FONT name other files.
 */
import fs from "node:fs";
import path from "node:path";

export type FontFace = { file: string; /** face name inside a .ttc collection */ face?: string };
export type CjkFonts = { serif: FontFace; sans: FontFace; source: "configured" | "system" | "bundled" };

const SYSTEM_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
const SYSTEM_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

export class MissingFontError extends Error {
  constructor(file: string) {
    super(
      `无法生成PDF文书：缺少中文字体文件 ${file}，请安装 fonts-noto-cjk 字体包（apt-get install fonts-noto-cjk）或重新运行 npm install`,
    );
    this.name = "MissingFontError";
  }
}

/** The bundled font file. Found from the project root, not with require.resolve: in the
 * Next server bundle Turbopack turns require.resolve into a module number (as in
 * lib/search/extract/pdf.ts). */
export function bundledSansFile(): string {
  return path.join(process.cwd(), "node_modules", "@embedpdf", "fonts-sc", "fonts", "NotoSansHans-Regular.otf");
}

const faceOf = (file: string, ttcFace: string): FontFace => (file.toLowerCase().endsWith(".ttc") ? { file, face: ttcFace } : { file });

export function resolveCjkFonts(
  env: Record<string, string | undefined> = process.env,
  exists: (file: string) => boolean = (f) => fs.existsSync(/*turbopackIgnore: true*/ f),
  bundled: string | null = bundledSansFile(),
): CjkFonts {
  const configured = env.CJK_SERIF_FONT || env.CJK_SANS_FONT;
  if (configured) {
    // An operator's explicit choice is used as given, or fails loudly.
    const serif = env.CJK_SERIF_FONT ?? configured;
    const sans = env.CJK_SANS_FONT ?? serif;
    for (const f of [serif, sans]) if (!exists(f)) throw new MissingFontError(f);
    return { serif: faceOf(serif, "NotoSerifCJKsc-Regular"), sans: faceOf(sans, "NotoSansCJKsc-Regular"), source: "configured" };
  }
  if (exists(SYSTEM_SERIF) && exists(SYSTEM_SANS)) {
    return {
      serif: { file: SYSTEM_SERIF, face: "NotoSerifCJKsc-Regular" },
      sans: { file: SYSTEM_SANS, face: "NotoSansCJKsc-Regular" },
      source: "system",
    };
  }
  if (bundled && exists(bundled)) return { serif: { file: bundled }, sans: { file: bundled }, source: "bundled" };
  throw new MissingFontError(SYSTEM_SERIF);
}
