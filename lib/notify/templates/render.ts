import { plainTextSelectors } from '@react-email/render';
import { compile } from 'html-to-text';
import type { ReactElement } from 'react';
import { publicOrigin } from '@/lib/config/deployment';

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * HTML and plain text from one React element. React escapes every interpolated string, so names and
 * notes typed by users can never inject markup. The text part lists each link's address after its label.
 */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = await renderHtml(element);
  const text = plainText(html).replace(/\n{3,}/g, '\n\n').trim();
  return { subject, html, text };
}

/**
 * What @react-email/render's render() produces (its XHTML doctype, no image preload links), by React's
 * synchronous renderToStaticMarkup: our templates have no Suspense, and render()'s streaming path cost
 * 2.7 ms of CPU per notice against 0.6 ms here, which bounds a notice wave. react-dom/server is loaded
 * lazily, as react-email does, so route modules that import a template do not pull it in at build time.
 */
async function renderHtml(element: ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await (server ??= import('react-dom/server'));
  const body = renderToStaticMarkup(element).replace(/<link\b[^>]*\brel="preload"[^>]*\bas="image"[^>]*\/?>/gi, '');
  return `${XHTML_DOCTYPE}${body.replace(/<!DOCTYPE.*?>/, '')}`;
}
let server: Promise<typeof import('react-dom/server')> | undefined;
const XHTML_DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * react-email's toPlainText, with html-to-text's options compiled once: toPlainText compiles them on every
 * call, which was 8 ms of a notice e-mail's ~12 ms (1.8 ms compiled, same text) and bounds a notice wave.
 */
const plainText = compile({ wordwrap: false, selectors: [...plainTextSelectors] });

/** Absolute links in e-mails come from the configured public address (SPEC 8), never from a request. */
export function publicBaseUrl(explicit?: string): string {
  return (explicit ?? publicOrigin()).replace(/\/+$/, '');
}

export function findingUrl(baseUrl: string, findingId: string): string {
  return `${baseUrl}/rectifications/${encodeURIComponent(findingId)}`;
}

export function orderUrl(baseUrl: string, orderId: string): string {
  return `${baseUrl}/orders/${encodeURIComponent(orderId)}`;
}
