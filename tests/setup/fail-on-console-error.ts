import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error in a test is a failure (epic-stack practice).
// A test that expects one calls `expectConsoleError()` first.
let allowed = 0;
let unexpected: unknown[][] = [];

export function expectConsoleError(times = 1) {
  allowed += times;
}

beforeEach(() => {
  allowed = 0;
  unexpected = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (allowed > 0) {
      allowed -= 1;
      return;
    }
    unexpected.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (unexpected.length > 0) {
    throw new Error(`Unexpected console.error:\n${unexpected.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});
