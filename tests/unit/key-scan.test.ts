import { describe, expect, it } from 'vitest';
import { findInternalKeys } from '../support/key-scan';

describe('internal key scan', () => {
  it('finds keys of every shape and leaves addresses, mail and domain names alone', () => {
    expect(findInternalKeys('材料：subject_cert；类型 recheck.return；订单：CHANGE_WEBSITE；状态 DRAFT；原因：null')).toEqual(
      expect.arrayContaining(['subject_cert', 'recheck.return', 'CHANGE_WEBSITE', 'DRAFT', 'null']),
    );
    expect(findInternalKeys('访问 https://beian.example.cn/orders/1?step=2 或写信给 filer@beian.example，域名 shop.example.com，文件 a_b.png')).toEqual([]);
    expect(findInternalKeys('未配置 SMTP_URL')).toEqual([]);
  });
});
