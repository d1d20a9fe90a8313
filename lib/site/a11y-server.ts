import "server-only";
import { cookies } from "next/headers";
import { parseA11yPrefs, type A11yPrefs } from "./a11y";

/** The visitor's large-text / high-contrast preferences from the request cookies. */
export async function getA11yPrefs(): Promise<A11yPrefs> {
  const store = await cookies();
  return parseA11yPrefs((name) => store.get(name)?.value);
}
