import type { ReactNode } from "react";
import { PublicShell } from "@/components/public/public-shell";

/** Public portal frame (no login): header, navigation, main, footer. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
