import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';
import { parseConfig } from './config';

/** A logger writing into an array of parsed lines. */
function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  // pino writes to a DestinationStream synchronously through its write(); a Writable serves.
  return { log: createLogger(stream as never, { level }), lines };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('the JSON log', () => {
  it('writes one JSON object per line with level, time and a human-readable msg', async () => {
    const { log, lines } = capture();
    log.child({ component: 'imports', requestId: 'req-12345678' }).info({ batchId: 'b1', rows: 40 }, '导入完成 / import done');
    await flush();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: '导入完成 / import done', component: 'imports', requestId: 'req-12345678', batchId: 'b1', rows: 40 });
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('an error quoting a mobile number, an ID number and an e-mail address comes out masked, without its stack', async () => {
    const { log, lines } = capture();
    const err = new Error('duplicate key: mobile 13805710001, id 330106199001011234, owner zhang.san@example.com');
    log.error({ err }, '操作失败 / action failed for 13900001111');
    log.warn({ detail: 'sent to li.si@example.cn / 13712345678', nested: { idNumber: '11010519491231002X' } }, 'gateway');
    log.error(err);
    await flush();
    const text = JSON.stringify(lines);
    for (const secret of ['13805710001', '330106199001011234', 'zhang.san@example.com', '13900001111', 'li.si@', '13712345678', '11010519491231002X']) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ level: 'error', msg: '操作失败 / action failed for 139****1111' });
    expect(lines[0]!.err).toBe('Error: duplicate key: mobile 138****0001, id 3301**********1234, owner z***@example.com');
    expect(lines[1]).toMatchObject({ detail: 'sent to l***@example.cn / 137****5678', nested: { idNumber: '1101**********002X' } });
    expect(text).not.toContain('at ');
    expect(lines[2]!.msg).toContain('138****0001');
  });

  it('honours LOG_LEVEL, and refuses a level it does not know', async () => {
    const { log, lines } = capture('warn');
    log.info('not shown');
    log.warn('shown');
    await flush();
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
    expect(parseConfig({ LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug');
    expect(parseConfig({}).LOG_LEVEL).toBe('info');
    expect(() => parseConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });
});
