import { pgEnum } from 'drizzle-orm/pg-core';
import {
  FINDING_CODES,
  ORDER_STATES,
  ORDER_TYPES,
  SUBJECT_NATURES,
} from '@/lib/domain/codes';

// Statuses are enums in the database so a typo can never create a state the state machine does not know.
export const userRole = pgEnum('user_role', ['filer', 'reviewer', 'admin']);
export const subjectNature = pgEnum('subject_nature', SUBJECT_NATURES);
export const filingStatus = pgEnum('filing_status', ['active', 'access_cancelled', 'cancelled']);
export const findingCode = pgEnum('finding_code', FINDING_CODES);
export const findingStatus = pgEnum('finding_status', [
  'open',
  'in_progress',
  'resolved',
  'overdue',
  'access_cancelled',
]);
export const orderType = pgEnum('order_type', ORDER_TYPES);
export const orderState = pgEnum('order_state', ORDER_STATES);
// 'closed': the finding closed (整改完成, 取消接入) while the request was pending; the reason says why.
export const recheckState = pgEnum('recheck_state', ['pending', 'accepted', 'returned', 'closed']);
export const extensionState = pgEnum('extension_state', ['pending', 'granted', 'refused', 'closed']);
export const outboxChannel = pgEnum('outbox_channel', ['email', 'sms']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'parked']);
export const noticeSource = pgEnum('notice_source', ['manual', 'import', 'check']);
