import type { SeedRef } from './types';

// File names of the seed documents (see seeds/README.md); every text in this library cites one.
export const SEED_000 = '000_dba9c9c4249e25c8.txt'; // Alibaba Cloud 备案信息专项核查
export const SEED_001 = '001_c2f9db2b4f566150.txt'; // Alibaba Cloud ICP 备案常见问题
export const SEED_002 = '002_5156400736c8003b.txt'; // Tencent Cloud 专项核查 tables
export const SEED_003 = '003_76638778018492ba.txt'; // QingCloud 备案整改
export const SEED_004 = '004_6ba88f399b14c9a7.txt'; // Tencent Cloud per-failure remedies

export const ref = (file: string, heading: string, row?: string): SeedRef =>
  row === undefined ? { file, heading } : { file, heading, row };

// Headings used more than once.
export const S002_SUBJECT = '主体备案信息未通过';
export const S002_WEBSITE = '网站备案信息未通过';
export const S001_SPECIAL_CHECK_EFFECT = '收到阿里云备案信息核查通知,不修改备案信息有什么影响?';
export const S003_SCENE = '场景描述';

/** The 整改期 semantics every finding shares (003 场景描述, 001 2.6). */
export const DURING_PERIOD_DEFAULT =
  '整改期内网站可以正常访问，整改过程中提交的变更、复核也不会影响网站运行。';
export const AFTER_PERIOD_DEFAULT =
  '超过整改期仍未整改成功，备案可能被取消接入或被管局注销，网站将无法访问。';
