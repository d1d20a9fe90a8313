"use client";

import { ErrorView } from "@/components/public/error-view";
import { MAIN_CONTENT_ID } from "@/lib/site/a11y";

/**
 * Error boundary for everything below the root layout that has no closer
 * boundary (the public pages have app/(public)/error.tsx, inside their frame).
 */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="px-4">
      <ErrorView error={error} retry={retry} />
    </main>
  );
}
