// A server action's arguments arrive in React's reply format: JSON in which a string that begins with
// `$` is not a string but a reference (`$K1` a FormData, `$@1` a promise, `$1` another part of the
// body, `$Q1` a Map…); React's own client writes a real string that begins with `$` as `$$…`. A body
// written by hand with `${{7*7}}` or `$Q` in it makes React's decoder fail before the action runs, and
// Next answers with an error digest instead of the action's Chinese message. The portal's clients only
// ever send the forms below, so anything else is refused before it reaches the decoder.

export const MALFORMED_ACTION_BODY = '提交的内容格式不正确，请刷新页面后重新提交。';

export type ActionBody = { text: string } | { fields: [name: string, value: string | Blob][] };

const CONSTANTS = new Set(['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0', '$T']);
// A reference to another numbered part of the same body (React's encoder writes a value seen twice
// once): fine when that part exists. Maps, Sets, promises, iterators, Blobs and server references are
// never arguments of the portal's actions and are refused with the rest.
const PART_REFERENCE = /^\$([0-9a-f]{1,8})$/;

/** Why React's reply decoder would fail on (or misread) this body, or null when it is well-formed. */
export function actionBodyProblem(body: ActionBody): string | null {
  if ('text' in body) return modelProblem(body.text, new Set());
  const parts = new Set<number>();
  const models: string[] = [];
  for (const [name, value] of body.fields) {
    if (!/^\d{1,8}$/.test(name)) continue; // `1_email` and the like are FormData entries: plain strings
    parts.add(Number(name));
    if (typeof value === 'string') models.push(value);
  }
  if (!parts.has(0)) return 'no root part';
  for (const model of models) {
    const problem = modelProblem(model, parts);
    if (problem) return problem;
  }
  return null;
}

function modelProblem(json: string, parts: Set<number>): string | null {
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return 'not JSON';
  }
  // Iterative: a body nested a million levels deep must not overflow the stack here either.
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      const problem = stringProblem(value, parts);
      if (problem) return problem;
    } else if (Array.isArray(value)) {
      for (const v of value) stack.push(v);
    } else if (value && typeof value === 'object') {
      for (const v of Object.values(value)) stack.push(v);
    }
  }
  return null;
}

function stringProblem(s: string, parts: Set<number>): string | null {
  if (!s.startsWith('$') || s.startsWith('$$') || CONSTANTS.has(s)) return null;
  if (s.startsWith('$D')) return Number.isNaN(Date.parse(s.slice(2))) ? `bad date ${s.slice(0, 40)}` : null;
  if (/^\$n-?\d{1,400}$/.test(s)) return null;
  if (/^\$K[0-9a-f]{1,8}$/.test(s)) return null; // a FormData: the entries named `<id>_…` (none is fine)
  const ref = PART_REFERENCE.exec(s);
  if (ref && parts.has(parseInt(ref[1]!, 16))) return null;
  return `unexpected reference ${s.slice(0, 40)}`;
}
