/** What a server action answers a form: success with an optional message and data, or a Chinese message with per-field errors. */
export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  // A refusal may hand back what was typed (`data`), for a form that is shown again without JavaScript.
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; data?: T }
  | null;
