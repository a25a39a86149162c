import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Module, { createRequire } from 'node:module';
import { actionBodyProblem, type ActionBody } from '@/lib/security/action-body';

// proxy.ts refuses a server-action body that React's reply decoder would fail on (the decoder's throw
// became Next's error digest, not a Chinese message). Two properties against React's real encoder and
// decoder: everything the portal's own client can send passes the gate unchanged, and whatever a
// hand-written body gets past the gate decodes without an error.

type Flight = {
  encodeReply: (value: unknown) => Promise<string | FormData>;
  decodeReply: (body: string | FormData, manifest: object, opts?: object) => Promise<unknown[]>;
  createTemporaryReferenceSet: () => unknown;
};

function loadFlight(): Flight {
  const require = createRequire(import.meta.url);
  const M = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = M._resolveFilename;
  let server: Flight;
  // The server half needs React's react-server build, as inside Next.
  M._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === 'react' || request === 'next/dist/compiled/react') request = 'next/dist/compiled/react/react.react-server.js';
    if (request === 'react-dom') request = 'next/dist/compiled/react-dom/react-dom.react-server.js';
    return resolve.call(this, request, ...rest);
  };
  try {
    server = require('next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-server.node.production.js') as Flight;
  } finally {
    M._resolveFilename = resolve;
  }
  const client = require('next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-client.node.production.js') as Flight;
  return { encodeReply: client.encodeReply, decodeReply: server.decodeReply, createTemporaryReferenceSet: server.createTemporaryReferenceSet };
}

const flight = loadFlight();
const asBody = (b: string | FormData): ActionBody => (typeof b === 'string' ? { text: b } : { fields: [...b.entries()] as [string, string | Blob][] });
const decode = async (b: string | FormData) => {
  const pending = flight.decodeReply(b, {}, { temporaryReferences: flight.createTemporaryReferenceSet() });
  // A reference to a part that never comes would hang: count that as a failure too.
  return Promise.race([pending, new Promise((_, reject) => setTimeout(() => reject(new Error('decode hung')), 1000))]);
};

const DOLLAR = ['${{7*7}}', '$0', '$00', '$K1', '$@', '$Q', '$1', '$h1', '$F1', '$T', '$D', '$n', '$B', '$R', '$W0', '$', '$$', '$undefined', '$-0', '$Infinity', '$@0', '$Q0', '$Dnot-a-date', '$n12x', '$i1', '$A1', '$S1', '$l1'];
const dollarString = fc.oneof(fc.constantFrom(...DOLLAR), fc.string({ maxLength: 12 }).map((s) => `$${s}`));
const text = fc.oneof(dollarString, fc.string({ maxLength: 12 }), fc.constantFrom('邮箱', "' OR 1=1 --", '__proto__'));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3, noNullPrototype: true })),
})).value;

describe('server-action bodies', () => {
  it('everything the portal can send (strings with $ included) passes the gate and decodes to itself', async () => {
    await fc.assert(
      fc.asyncProperty(json, fc.dictionary(fc.constantFrom('email', 'orderId', 'note'), text, { maxKeys: 3 }), fc.boolean(), async (value, fields, asForm) => {
        let payload: unknown = value;
        if (asForm) {
          const fd = new FormData();
          for (const [k, v] of Object.entries(fields)) fd.append(k, v);
          payload = fd;
        }
        const body = await flight.encodeReply([null, payload]);
        expect(actionBodyProblem(asBody(body))).toBeNull();
        const [, back] = await decode(body) as unknown[];
        if (asForm) expect(Object.fromEntries((back as FormData).entries())).toEqual(fields);
        else expect(back).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('a hand-written body with $-strings ("${{7*7}}", "$K1", "$@", "$Q", …) is refused or decodes without an error', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(json, fc.boolean(), async (value, multipart) => {
        const root = JSON.stringify([null, value]);
        let body: string | FormData = root;
        if (multipart) {
          const fd = new FormData();
          fd.append('0', root);
          fd.append('1_email', '${{7*7}}');
          body = fd;
        }
        if (actionBodyProblem(asBody(body))) {
          refused++;
          return;
        }
        await expect(decode(body)).resolves.toBeDefined();
      }),
      { numRuns: 500 },
    );
    expect(refused).toBeGreaterThan(0);
    for (const s of ['${{7*7}}', '$Q', '$1', '$h1', '$n12x', '$Dnot-a-date']) expect(actionBodyProblem({ text: JSON.stringify([null, { email: s }]) }), s).not.toBeNull();
    expect(actionBodyProblem({ text: '[null,' })).not.toBeNull();
    expect(actionBodyProblem({ text: '['.repeat(200_000) + ']'.repeat(200_000) })).toBeNull();
    expect(actionBodyProblem({ fields: [['1_email', 'a@b.cn']] })).not.toBeNull();
  });
});
