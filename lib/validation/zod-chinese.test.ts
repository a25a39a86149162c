import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-chinese';

describe("zod's own messages", () => {
  it('are Chinese for a missing field and a value of the wrong type', () => {
    const schema = z.object({ email: z.string().trim().min(1, '请输入邮箱'), step: z.number().int(), kind: z.enum(['a', 'b']) });
    const r = schema.safeParse({ step: 'x', kind: new Date() });
    expect(r.success).toBe(false);
    for (const issue of r.error!.issues) expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
    // The portal's own messages stay as written.
    expect(schema.safeParse({ email: ' ', step: 1, kind: 'a' }).error!.issues[0]!.message).toBe('请输入邮箱');
  });
});
