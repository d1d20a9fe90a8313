"use client";

import { Button } from "@/components/ui/button";

export function RequestPrintButton({ label = "打印回执" }: { label?: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => {
        window.print();
      }}>
      {label}
    </Button>
  );
}
