import { describe, expect, it } from 'vitest';
import { displayStatus } from './status';

describe('displayStatus', () => {
  it('puts the lifecycle first, then overdue, then open findings', () => {
    expect(displayStatus('cancelled', [{ status: 'overdue' }])).toBe('cancelled');
    expect(displayStatus('access_cancelled', [{ status: 'open' }])).toBe('access_cancelled');
    expect(displayStatus('active', [{ status: 'open' }, { status: 'overdue' }])).toBe('overdue');
    expect(displayStatus('active', [{ status: 'in_progress' }])).toBe('rectifying');
    expect(displayStatus('active', [{ status: 'resolved' }])).toBe('normal');
    expect(displayStatus('active', [])).toBe('normal');
  });
});
