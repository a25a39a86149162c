import { render, toPlainText } from '@react-email/render';
import type { ReactElement } from 'react';
import { config } from '@/lib/config';

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * HTML and plain text from one React element. React escapes every interpolated string, so names and
 * notes typed by users can never inject markup. The text part lists each link's address after its label.
 */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element);
  const text = toPlainText(html).replace(/\n{3,}/g, '\n\n').trim();
  return { subject, html, text };
}

/** Absolute links in e-mails come from the configured public address (SPEC 8), never from a request. */
export function publicBaseUrl(explicit?: string): string {
  return (explicit ?? config().PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export function findingUrl(baseUrl: string, findingId: string): string {
  return `${baseUrl}/rectifications/${encodeURIComponent(findingId)}`;
}

export function orderUrl(baseUrl: string, orderId: string): string {
  return `${baseUrl}/orders/${encodeURIComponent(orderId)}`;
}
