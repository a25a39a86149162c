import type { Role } from '@/lib/domain/codes';

/** Where each role lands after sign-in. */
export const ROLE_HOME = {
  filer: '/dashboard',
  reviewer: '/review',
  admin: '/admin',
} as const satisfies Record<Role, string>;

export const ROLE_LABELS = {
  filer: '备案用户',
  reviewer: '初审专员',
  admin: '运营管理员',
} as const satisfies Record<Role, string>;

export type NavItem = { href: string; label: string };

/** Role-specific navigation; typed over every role so a new one cannot be forgotten. */
export const ROLE_NAV = {
  filer: [
    { href: '/dashboard', label: '我的备案' },
    { href: '/notices', label: '整改通知' },
    { href: '/orders', label: '我的订单' },
  ],
  reviewer: [
    { href: '/review', label: '初审队列' },
    { href: '/rechecks', label: '复核队列' },
  ],
  admin: [
    { href: '/admin', label: '概览' },
    { href: '/admin/notices', label: '整改通知管理' },
    { href: '/admin/checks', label: '专项核查' },
    { href: '/admin/deadlines', label: '期限跟踪' },
    { href: '/admin/extensions', label: '延期申请' },
    { href: '/admin/cancel-access', label: '取消接入' },
    { href: '/admin/orders', label: '订单' },
    { href: '/admin/users', label: '用户' },
    { href: '/admin/audit', label: '审计日志' },
    { href: '/admin/mailbox', label: '开发邮箱' },
    { href: '/admin/regulator', label: '管局模拟' },
    { href: '/admin/sms', label: '开发短信' },
  ],
} as const satisfies Record<Role, readonly NavItem[]>;

export type NavGroup = { label: string; items: readonly NavItem[] };

/**
 * The operator's menu in four groups, so it fits one line at 1280 px: each group opens as a short list.
 * Every admin page appears in exactly one group (checked in roles.test.ts).
 */
export const ADMIN_NAV_GROUPS: readonly NavGroup[] = [
  { label: '概览', items: [{ href: '/admin', label: '概览' }] },
  {
    label: '审核',
    items: [
      { href: '/admin/extensions', label: '延期申请' },
      { href: '/review', label: '初审队列' },
      { href: '/rechecks', label: '复核队列' },
    ],
  },
  {
    label: '通知与核查',
    items: [
      { href: '/admin/notices', label: '整改通知管理' },
      { href: '/admin/checks', label: '专项核查' },
      { href: '/admin/deadlines', label: '期限跟踪' },
      { href: '/admin/cancel-access', label: '取消接入' },
    ],
  },
  {
    label: '订单与用户',
    items: [
      { href: '/admin/orders', label: '订单' },
      { href: '/admin/users', label: '用户' },
      { href: '/admin/audit', label: '审计日志' },
    ],
  },
  {
    label: '开发工具',
    items: [
      { href: '/admin/mailbox', label: '开发邮箱' },
      { href: '/admin/regulator', label: '管局模拟' },
      { href: '/admin/sms', label: '开发短信' },
    ],
  },
];
