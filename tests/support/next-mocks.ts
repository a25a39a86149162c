// next/navigation as server actions meet it outside Next: redirect() and notFound() throw errors carrying
// Next's digests, and unstable_rethrow() lets exactly those through, as the real one does.

type Digested = Error & { digest?: string };

const isControlFlow = (err: unknown) => {
  const digest = (err as Digested | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'));
};

export const navigationMock = {
  redirect: (url: string): never => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
  notFound: (): never => {
    throw Object.assign(new Error('NEXT_NOT_FOUND'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' });
  },
  unstable_rethrow: (err: unknown): void => {
    if (isControlFlow(err)) throw err;
  },
};

/** next/cache: revalidation is a no-op outside Next. */
export const cacheMock = { revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} };

/** next/headers with an empty request: no headers, no cookies. */
export const headersMock = { headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }) };
