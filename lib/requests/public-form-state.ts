/**
 * The state the public request forms' server actions return (client-safe: no server
 * imports). The actions are lib/verbs/form-action.ts `formAction`s; this is its
 * ActionState, named for the client components that cannot import the server module.
 */

export type SimpleFormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

export const INITIAL_SIMPLE_STATE: SimpleFormState = { ok: false };
