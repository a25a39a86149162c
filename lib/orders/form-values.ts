import { ipsPath, websitePrincipalPath, type StepKey } from './steps';
import type { OrderTypeValue } from '../domain/codes';

// The wizard posted as a plain form (JavaScript off, or a click before the page hydrated): the fields
// arrive as dotted names ("principal.mobile", "website.domains.0.name") and are laid over the saved draft,
// so a field the step shows read-only (not posted) keeps its saved value. With JavaScript the wizard sends
// its react-hook-form values instead and none of this runs.

type Values = Record<string, unknown>;

/** Form names that are not order fields. */
const RESERVED = new Set(['orderId', 'version', 'step', 'intent']);
/** Posted beside a validity date: the 长期有效 box (the date is then null). */
export const LONG_TERM_SUFFIX = '__longTerm';
/** Posted once per list so that the list keeps its length when some of its items' fields are read-only. */
export const LIST_LENGTH_SUFFIX = '__length';

/** What the pressed button asks for: the buttons are named `intent`. */
export type WizardIntent = { kind: 'next' } | { kind: 'back' } | { kind: 'add'; list: string } | { kind: 'remove'; list: string; index: number };

/** The lists a step can grow or shrink without JavaScript. */
export function listPathsOf(type: OrderTypeValue, step: StepKey): string[] {
  if (step === 'ips') return [ipsPath(type)];
  if (step === 'newDomains') return ['website.domains'];
  return [];
}

export function parseIntent(raw: unknown, lists: readonly string[]): WizardIntent {
  const s = typeof raw === 'string' ? raw : '';
  if (s === 'back') return { kind: 'back' };
  const add = /^add:(.+)$/.exec(s);
  if (add && lists.includes(add[1]!)) return { kind: 'add', list: add[1]! };
  const remove = /^remove:(.+):(\d{1,2})$/.exec(s);
  if (remove && lists.includes(remove[1]!)) return { kind: 'remove', list: remove[1]!, index: Number(remove[2]) };
  return { kind: 'next' };
}

const isIndex = (s: string) => /^\d{1,2}$/.test(s);

function getAt(root: unknown, path: readonly string[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

function setAt(root: Values, path: readonly string[], value: unknown): void {
  let cur: Record<string, unknown> = root;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      cur[seg] = value;
      return;
    }
    const nextIsIndex = isIndex(path[i + 1]!);
    const existing = cur[seg];
    const fits = nextIsIndex ? Array.isArray(existing) : existing !== null && typeof existing === 'object' && !Array.isArray(existing);
    if (!fits) cur[seg] = nextIsIndex ? [] : {};
    cur = cur[seg] as Record<string, unknown>;
  });
}

/** The empty domain 添加域名 adds, with and without JavaScript. */
export const blankDomain = () => ({ name: '', registrantName: '', registrantIdType: '', registrantIdNumber: '', expiresOn: '' });

/** A blank item of each list, as 添加 adds it. */
function blankItem(list: string): unknown {
  return list === 'website.domains' ? blankDomain() : '';
}

/**
 * The draft with one step's posted fields laid over it. `posted` is the form as name → string (or
 * string[] for a name posted more than once). Only names under the step's own fields are taken.
 */
export function mergePostedStep(type: OrderTypeValue, step: StepKey, saved: Values, posted: Record<string, unknown>): Values {
  const out = structuredClone(saved) as Values;
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);
  // Lists first: the posted length decides, each item keeps its saved fields unless posted.
  for (const list of listPathsOf(type, step)) {
    const len = Number(text(posted[`${list}.${LIST_LENGTH_SUFFIX}`]));
    if (!Number.isInteger(len) || len < 0 || len > 20) continue;
    const before = getAt(out, list.split('.'));
    const items = Array.isArray(before) ? before.slice(0, len) : [];
    while (items.length < len) items.push(blankItem(list));
    setAt(out, list.split('.'), items);
  }
  if (step === 'domains') {
    const ids = posted.removeDomainIds;
    setAt(out, ['removeDomainIds'], (Array.isArray(ids) ? ids : ids === undefined ? [] : [ids]).filter((x): x is string => typeof x === 'string'));
  }
  if (step === 'cancel') setAt(out, ['confirmed'], posted.confirmed === 'on' || posted.confirmed === 'true');
  for (const [name, raw] of Object.entries(posted)) {
    if (RESERVED.has(name) || name.startsWith('$') || name === 'removeDomainIds' || name === 'confirmed' || name.endsWith(LIST_LENGTH_SUFFIX)) continue;
    const value = text(raw);
    if (value === undefined) continue;
    const long = name.endsWith(LONG_TERM_SUFFIX);
    const path = (long ? name.slice(0, -LONG_TERM_SUFFIX.length) : name).split('.');
    if (path.some((seg) => seg === '' || seg === '__proto__' || seg === 'constructor' || seg === 'prototype')) continue;
    if (!belongsToStep(type, step, path)) continue;
    // A list item past the posted length (a stale form) is dropped rather than resurrected.
    const list = listPathsOf(type, step).find((l) => name.startsWith(`${l}.`));
    if (list) {
      const index = Number(path[list.split('.').length]);
      const items = getAt(out, list.split('.'));
      if (!Array.isArray(items) || !(index < items.length)) continue;
    }
    setAt(out, path, long ? null : value);
  }
  // 长期有效 ticked wins over a date left in the (read-only) date field.
  for (const name of Object.keys(posted)) {
    if (name.endsWith(LONG_TERM_SUFFIX)) {
      const path = name.slice(0, -LONG_TERM_SUFFIX.length).split('.');
      if (belongsToStep(type, step, path)) setAt(out, path, null);
    }
  }
  return out;
}

/** Applies 添加 / 删除 of a list item to the merged values. */
export function applyListIntent(values: Values, intent: WizardIntent): Values {
  if (intent.kind !== 'add' && intent.kind !== 'remove') return values;
  const out = structuredClone(values) as Values;
  const path = intent.list.split('.');
  const items = getAt(out, path);
  const list = Array.isArray(items) ? [...items] : [];
  if (intent.kind === 'add') {
    if (list.length < 20) list.push(blankItem(intent.list));
  } else if (intent.index < list.length && list.length > 1) {
    list.splice(intent.index, 1);
  }
  setAt(out, path, list);
  return out;
}

/** The top-level field groups each step edits (paths are dotted, the first one or two segments decide). */
function belongsToStep(type: OrderTypeValue, step: StepKey, path: readonly string[]): boolean {
  const [a, b] = path;
  switch (step) {
    case 'subject':
      return a === 'subject';
    case 'principal':
      return a === 'principal';
    case 'websitePrincipal':
      return websitePrincipalPath(type) === 'principal' ? a === 'principal' : a === 'website' && b === 'principal';
    case 'website':
      return a === 'website' && (b === 'name' || b === 'serviceContent');
    case 'newDomains':
      return a === 'website' && b === 'domains';
    case 'ips':
      return ipsPath(type) === 'ips' ? a === 'ips' : a === 'website' && b === 'ips';
    case 'cancel':
      return a === 'reason';
    default:
      return false;
  }
}
