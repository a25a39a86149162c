// Only same-origin relative paths are accepted as a return target after sign-in (SPEC 8): anything
// absolute, protocol-relative (//evil), backslash-smuggled (/\evil) or carrying control characters
// falls back to the role's home.
export function safeCallbackPath(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || typeof raw !== 'string' || raw.length > 2048) return fallback;
  const value = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (value.startsWith('/login') || value.startsWith('/api/auth')) return fallback;
  return value;
}
