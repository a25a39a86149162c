import 'server-only';
import { headers } from 'next/headers';
import { componentLog, type Log } from '@/lib/log';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/http/request-id';

/**
 * The request id the proxy (proxy.ts) or the server hook (instrumentation.ts) put on this request; a fresh
 * one outside a request or when neither ran.
 */
async function currentRequestId(): Promise<string> {
  try {
    return requestIdFrom((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    return requestIdFrom(null);
  }
}

/** A logger whose lines carry this request's id and `component`. */
export async function requestLog(component: string, req?: Request): Promise<Log> {
  const requestId = req ? requestIdFrom(req.headers.get(REQUEST_ID_HEADER)) : await currentRequestId();
  return componentLog(component).child({ requestId });
}
