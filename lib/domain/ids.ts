// Every id in a URL or a form is a UUID; anything else is answered as "not found" before it reaches
// PostgreSQL's uuid parser (which would raise an error, not return nothing).
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(s: string): boolean {
  return UUID_PATTERN.test(s);
}
