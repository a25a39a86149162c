import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import { type Pointing, requiredFooterNumber } from './footer';

// Homepage check of a filed website, on HTML fetched elsewhere (pure: no network).
// Footer: the required 备案号 must be the text of a link to beian.miit.gov.cn (001 2.1, 004).
// Title: must contain the whole filed 网站名称 (003/004 实际网站标题与备案网站名称不一致).

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export type HomepageFinding = 'FOOTER_ICP_NUMBER_MISSING' | 'SITE_TITLE_MISMATCH';

// 001 2.1 and 004 link to beian.miit.gov.cn; its www. host is the same MIIT site.
const MIIT_HOSTS: ReadonlySet<string> = new Set(['beian.miit.gov.cn', 'www.beian.miit.gov.cn']);

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

const HTML_NS = 'http://www.w3.org/1999/xhtml';

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** An HTML element of that tag (an SVG <title> or <a> is not the page's). */
function isHtml(node: Node, tag: string): node is Element {
  return isElement(node) && node.tagName === tag && node.namespaceURI === HTML_NS;
}

function childrenOf(node: Node): Node[] {
  const kids: Node[] = 'childNodes' in node ? [...node.childNodes] : [];
  // <template> keeps its children in a separate fragment.
  if (isElement(node) && node.tagName === 'template' && 'content' in node) kids.push(node.content as Node);
  return kids;
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of childrenOf(node)) yield* walk(child);
}

function textOf(node: Node): string {
  let text = '';
  for (const n of walk(node)) if (n.nodeName === '#text' && 'value' in n) text += n.value;
  return normalise(text);
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** http(s) link whose host is (www.)beian.miit.gov.cn; protocol-relative links count, relative ones do not. */
export function isMiitLink(href: string): boolean {
  try {
    const url = new URL(href.trim(), 'https://relative.invalid/');
    return (url.protocol === 'https:' || url.protocol === 'http:') && MIIT_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/** True when `text` shows `number` as a whole 备案号 — 浙ICP备1号 is not found inside 浙ICP备1号-2. */
export function showsNumber(text: string, number: string): boolean {
  const compact = text.replace(/\s+/g, '');
  const wanted = number.replace(/\s+/g, '');
  let at = compact.indexOf(wanted);
  while (at >= 0) {
    const after = compact.slice(at + wanted.length);
    if (!/^(?:\d|-\d)/.test(after)) return true;
    at = compact.indexOf(wanted, at + 1);
  }
  return false;
}

export function checkHomepage(
  html: string,
  filed: {
    siteIcpNumber: string;
    subjectIcpNumber: string;
    siteName: string;
    province: string;
    /** 经营性 sites show their licence number (001 2.1 悬挂示例). */
    licenseNumber?: string | null;
    /** How several domains reach this page (001 2.1 多个域名指向同一页面时). */
    pointing?: Pointing;
  },
): Array<'FOOTER_ICP_NUMBER_MISSING' | 'SITE_TITLE_MISMATCH'> {
  const doc = parse(html);
  const nodes = [...walk(doc)];
  const findings: HomepageFinding[] = [];

  // The province (or the licence, or several domains on one page) decides which number is required.
  const required = requiredFooterNumber(filed).number;
  const linked = nodes.some((el) => {
    if (!isHtml(el, 'a')) return false;
    const href = attr(el, 'href');
    return href !== undefined && isMiitLink(href) && showsNumber(textOf(el), required);
  });
  if (!required.trim() || !linked) findings.push('FOOTER_ICP_NUMBER_MISSING');

  const titleEl = nodes.find((n) => isHtml(n, 'title'));
  const title = titleEl ? textOf(titleEl) : '';
  const name = normalise(filed.siteName);
  if (!name || !title.includes(name)) findings.push('SITE_TITLE_MISMATCH');

  return findings;
}
