// One id per request, in the `x-request-id` header and in every log line the request causes, so one
// request's lines can be found among all processes'. A load balancer's own id is kept when it looks like
// one (letters, digits and a little punctuation, 8 to 128 characters); anything else is replaced.

export const REQUEST_ID_HEADER = 'x-request-id';

const SANE = /^[A-Za-z0-9][A-Za-z0-9._:=+/-]{7,127}$/;

/** The incoming id when it is sane, else a new one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  const id = incoming?.trim();
  return id && SANE.test(id) ? id : crypto.randomUUID();
}
