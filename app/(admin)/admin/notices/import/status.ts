export const BATCH_STATUS = { pending: '待确认导入', running: '导入中', done: '已完成', failed: '导入失败', discarded: '已放弃' } as const;
