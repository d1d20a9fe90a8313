"use client";

import { ErrorView } from "@/components/public/error-view";

/** Error boundary of the public pages: rendered inside the header/footer frame. */
export default function PublicError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} />;
}
