// Security headers. The CSP allows scripts only with this response's nonce ('strict-dynamic' lets
// Next's own chunks load what they need); styles may be inline because React style props and e-mail
// previews use them, and styles cannot run code.
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    `frame-src 'self'`,
    `frame-ancestors 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `object-src 'none'`,
  ].join('; ');
}

export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** HSTS only in production: on plain-http development hosts it would only confuse the browser. */
export function hstsHeader(production: boolean): { key: string; value: string }[] {
  return production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : [];
}

// An uploaded material is served as the image its bytes are, never as anything a browser could run: the
// type comes from sniffing the stored bytes (not from the name or the upload's Content-Type), nosniff stops
// the browser guessing, and a sandboxing CSP with nothing allowed means even a file that slipped through
// would be an inert, script-less, origin-less document. Never cached by shared caches or kept on disk.
export const MATERIAL_CSP = `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox`;

const MIME_TYPES = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif' } as const;

export function materialHeaders(input: { type: keyof typeof MIME_TYPES; size: number; fileName: string }): Record<string, string> {
  return {
    'content-type': MIME_TYPES[input.type],
    'content-length': String(input.size),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': MATERIAL_CSP,
    'cross-origin-resource-policy': 'same-origin',
    'content-disposition': contentDisposition(input.fileName),
  };
}

/**
 * `inline` with an ASCII fallback name and the real (Chinese) name as RFC 8187 UTF-8: every byte outside
 * the attr-char set is percent-encoded, so quotes, semicolons, CR/LF or `'` cannot end the header value or
 * start a new parameter.
 */
export function contentDisposition(fileName: string): string {
  const name = fileName.trim() || 'material';
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
