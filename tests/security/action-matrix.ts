import type { Role } from '@/lib/domain/codes';

// every server action of the portal, who may call it, and an input aimed at someone else's
// object. tests/db/authz-actions.test.ts discovers the actions from the code ('use server' files), so a
// new action without a row here fails the test.

export type Ids = {
  ownFindingId: string; // a finding of filer@beian.example
  foreignFindingId: string; // a finding of filer2@beian.example
  foreignOrderId: string; // an order of filer2@beian.example
  foreignPendingSmsOrderId: string;
  foreignSubjectId: string;
  foreignWebsiteId: string;
  filerUserId: string;
  submittedOrderId: string;
  anyRunId: string;
};

export type ActionRule = {
  /** Roles the action serves; 'public' for sign-in, which works without a session. */
  roles: Role[] | 'public' | 'session';
  /** A payload that would act on another filer's object (or a plausible one for staff actions). */
  input: (ids: Ids) => Record<string, unknown>;
  /** The input names another filer's object: filer@beian.example must be refused too. */
  foreign?: true;
  /** Called with a plain object (as its client component does) instead of FormData. */
  raw?: true;
};

export const ACTION_MATRIX: Record<string, ActionRule> = {
  'app/(admin)/admin/checks/actions.ts#startCheckRun': { roles: ['admin'], input: () => ({ province: '', nature: '', code: '' }) },
  'app/(admin)/admin/checks/actions.ts#issueNoticesFromRunAction': { roles: ['admin'], input: (ids) => ({ runId: ids.anyRunId, deadline: '2030-01-01' }) },
  'app/(admin)/admin/checks/actions.ts#cancelCheckRun': { roles: ['admin'], input: (ids) => ({ runId: ids.anyRunId }) },
  'app/_actions/rectifications.ts#requestRecheckAction': { roles: ['filer'], foreign: true, input: (ids) => ({ findingId: ids.foreignFindingId, note: '已整改', actionCode: 'FIX_FOOTER' }) },
  'app/_actions/rectifications.ts#requestExtensionAction': { roles: ['filer'], foreign: true, input: (ids) => ({ findingId: ids.foreignFindingId, reason: '网站改版需要更多时间，申请延期两周' }) },
  'app/_actions/self-check.ts#runSelfCheckAction': { roles: ['filer'], foreign: true, input: (ids) => ({ websiteId: ids.foreignWebsiteId }) },
  'app/(admin)/admin/mailbox/actions.ts#retryMessage': { roles: ['admin'], input: () => ({ id: '1' }) },
  'app/(admin)/admin/regulator/actions.ts#regulatorDecideAction': { roles: ['admin'], input: (ids) => ({ orderId: ids.submittedOrderId, decision: 'approve', reason: '' }) },
  'app/(staff)/rechecks/actions.ts#decideRecheckAction': { roles: ['reviewer', 'admin'], input: () => ({ recheckId: '00000000-0000-4000-8000-000000000000', decision: 'accept', reason: '' }) },
  'app/(staff)/review/[orderId]/actions.ts#approveAction': { roles: ['reviewer', 'admin'], input: (ids) => ({ orderId: ids.submittedOrderId, checklist: ['subject'] }) },
  'app/(staff)/review/[orderId]/actions.ts#rejectAction': { roles: ['reviewer', 'admin'], input: (ids) => ({ orderId: ids.submittedOrderId, reasons: 'x', note: '材料不清晰' }) },
  'app/(staff)/review/[orderId]/actions.ts#takeOverAction': { roles: ['reviewer', 'admin'], input: (ids) => ({ orderId: ids.submittedOrderId }) },
  'app/(staff)/review/[orderId]/actions.ts#phoneAttemptAction': { roles: ['reviewer', 'admin'], input: (ids) => ({ orderId: ids.submittedOrderId, target: 'contact', reached: 'no' }) },
  'app/(admin)/admin/cancel-access/actions.ts#cancelAccessAction': { roles: ['admin'], input: (ids) => ({ subjectIds: ids.foreignSubjectId, confirm: 'on' }) },
  'app/(admin)/admin/extensions/actions.ts#grantExtensionAction': { roles: ['admin'], input: () => ({ extensionId: '00000000-0000-4000-8000-000000000000', newDeadline: '2030-01-01' }) },
  'app/(admin)/admin/extensions/actions.ts#refuseExtensionAction': { roles: ['admin'], input: () => ({ extensionId: '00000000-0000-4000-8000-000000000000', reason: '理由不充分' }) },
  'app/(admin)/admin/notices/actions.ts#issueNoticeAction': { roles: ['admin'], input: (ids) => ({ subjectId: ids.foreignSubjectId, deadline: '2030-01-01', findings: '[]' }) },
  'app/(admin)/admin/notices/actions.ts#startImportAction': { roles: ['admin'], input: () => ({ batchId: '00000000-0000-4000-8000-000000000000' }) },
  'app/(admin)/admin/notices/actions.ts#discardImportAction': { roles: ['admin'], input: () => ({ batchId: '00000000-0000-4000-8000-000000000000' }) },
  'app/(admin)/admin/users/actions.ts#inviteUserAction': { roles: ['admin'], input: () => ({ name: '新同事', email: 'new-colleague@beian.example', role: 'admin' }) },
  'app/(admin)/admin/users/actions.ts#changeRoleAction': { roles: ['admin'], input: (ids) => ({ userId: ids.filerUserId, role: 'admin' }) },
  'app/(admin)/admin/users/actions.ts#setDisabledAction': { roles: ['admin'], input: (ids) => ({ userId: ids.filerUserId, disabled: 'true' }) },
  'app/(filer)/orders/actions.ts#startOrderAction': { roles: ['filer'], foreign: true, input: (ids) => ({ type: 'CHANGE_SUBJECT', subject: ids.foreignSubjectId }) },
  'app/(filer)/orders/actions.ts#saveDraftAction': { roles: ['filer'], foreign: true, raw: true, input: (ids) => ({ orderId: ids.foreignOrderId, step: 0, completed: 0, values: {}, materialIds: [] }) },
  'app/(filer)/orders/actions.ts#wizardFormAction': { roles: ['filer'], foreign: true, input: (ids) => ({ orderId: ids.foreignOrderId, version: '0', step: '0', intent: 'next', 'subject.name': '改名' }) },
  'app/(filer)/orders/actions.ts#submitOrderAction': { roles: ['filer'], foreign: true, input: (ids) => ({ orderId: ids.foreignOrderId, expectedState: 'DRAFT' }) },
  'app/(filer)/orders/actions.ts#orderEventAction': { roles: ['filer'], foreign: true, input: (ids) => ({ orderId: ids.foreignOrderId, expectedState: 'FIRST_REVIEW_REJECTED', event: 'abandon' }) },
  'app/(filer)/orders/actions.ts#smsCodeAction': { roles: ['filer'], foreign: true, input: (ids) => ({ orderId: ids.foreignPendingSmsOrderId, code: '246810' }) },
  'app/(filer)/orders/contact-actions.ts#sendContactCodeAction': { roles: ['filer'], foreign: true, input: (ids) => ({ orderId: ids.foreignOrderId, path: 'principal.mobile' }) },
  'app/(filer)/orders/contact-actions.ts#verifyContactCodeAction': { roles: ['filer'], foreign: true, input: (ids) => ({ orderId: ids.foreignOrderId, path: 'principal.mobile', code: '123456' }) },
  'app/(filer)/orders/actions.ts#resubmitToRegulatorAction': { roles: ['filer'], foreign: true, input: (ids) => ({ orderId: ids.foreignOrderId, expectedState: 'RETURNED' }) },
  'app/login/actions.ts#passwordSignIn': { roles: 'public', input: () => ({}) },
  'app/login/actions.ts#magicLinkSignIn': { roles: 'public', input: () => ({}) },
  'app/_server/sign-out.ts#signOutAction': { roles: 'session', input: () => ({}) },
};
