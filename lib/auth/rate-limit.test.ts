import { describe, expect, it } from 'vitest';
import { judgeMagicLink, judgeSignIn, passwordProblems } from './rate-limit';

describe('sign-in limits', () => {
  it('locks an account after 5 failures and an IP after 20', () => {
    expect(judgeSignIn({ accountFailures: 4, ipFailures: 19 })).toEqual({ allowed: true });
    expect(judgeSignIn({ accountFailures: 5, ipFailures: 0 })).toMatchObject({ allowed: false, message: expect.stringContaining('临时锁定') });
    expect(judgeSignIn({ accountFailures: 0, ipFailures: 20 })).toMatchObject({ allowed: false, message: expect.stringContaining('当前网络') });
    expect(judgeMagicLink(4)).toEqual({ allowed: true });
    expect(judgeMagicLink(5).allowed).toBe(false);
  });
  it('password rules', () => {
    expect(passwordProblems('Beian@2026x', 'filer@beian.example')).toEqual([]);
    expect(passwordProblems('short1', 'a@b.c')).toContain('密码至少 10 位');
    expect(passwordProblems('onlyletterspass', 'a@b.c')).toContain('密码须同时包含字母和数字');
    expect(passwordProblems('filer123456', 'filer@beian.example')).toContain('密码不能包含邮箱用户名');
    expect(passwordProblems('x'.repeat(129) + '1', 'a@b.c')).toContain('密码不能超过 128 位');
  });
});
