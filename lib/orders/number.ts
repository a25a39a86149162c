import { todayIso } from '@/lib/time';

// One order-number format everywhere: BA, the Shanghai date the order was created, six digits.
// 16 characters, e.g. BA20261202137426.

export const ORDER_NUMBER_PATTERN = /^BA\d{8}\d{6}$/;

export function formatOrderNumber(createdAt: Date, serial: number): string {
  return `BA${todayIso(createdAt).replace(/-/g, '')}${String(serial % 1_000_000).padStart(6, '0')}`;
}

/** A new order's number; the serial is random, and the unique index on orders.number catches the rare repeat. */
export function newOrderNumber(now = new Date()): string {
  return formatOrderNumber(now, Math.floor(Math.random() * 1_000_000));
}
