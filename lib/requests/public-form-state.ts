/** States returned by the public request forms' server actions (client-safe: no server imports). */

export type ApplyFormState =
  | {
      ok: false;
      message?: string;
      fieldErrors?: Record<string, string[]>;
      /** What was typed, so the form re-renders it (checkbox groups as arrays). */
      values?: Record<string, string | string[]>;
    }
  | {
      ok: true;
      trackingNo: string;
      queryCode: string;
      submittedAt: string;
      departmentName: string;
      emailed: boolean;
    };

export type SimpleFormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

export const INITIAL_APPLY_STATE: ApplyFormState = { ok: false };
export const INITIAL_SIMPLE_STATE: SimpleFormState = { ok: false };
