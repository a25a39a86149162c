import { z } from 'zod';
import { FINDING_CODES } from '@/lib/domain/codes';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { todayIso } from '@/lib/time';

// The 下发整改通知 form: one schema for the browser (before sending) and the server action.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期（yyyy-mm-dd）');

export const noticeFindingSchema = z.object({
  code: z.enum(FINDING_CODES, { error: '请选择不合格项' }),
  websiteId: z.string().uuid().nullish(),
  domainId: z.string().uuid().nullish(),
  observedValue: z.string().trim().max(500, '检查发现不能超过 500 字').nullish(),
});

const parseJson = (v: unknown) => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
};

export const issueNoticeSchema = z
  .object({
    subjectId: z.string().uuid('请选择备案主体'),
    deadline: isoDate.refine((d) => d >= todayIso(), '整改期限不能早于今天'),
    findings: z.preprocess(parseJson, z.array(noticeFindingSchema, { error: '请至少添加一项不合格项' }).min(1, '请至少添加一项不合格项').max(30)),
  })
  .superRefine((v, ctx) => {
    v.findings.forEach((f, i) => {
      const scope = FINDING_CATALOGUE[f.code].scope;
      if (scope === 'website' && !f.websiteId) ctx.addIssue({ code: 'custom', path: ['findings', i, 'websiteId'], message: '请选择网站' });
      if (scope === 'domain' && !f.domainId) ctx.addIssue({ code: 'custom', path: ['findings', i, 'domainId'], message: '请选择域名' });
    });
  });
export type IssueNoticeForm = z.infer<typeof issueNoticeSchema>;

export const importUploadSchema = z.object({
  deadline: isoDate.refine((d) => d >= todayIso(), '默认整改期限不能早于今天'),
});
