import { describe, expect, it } from 'vitest';
import { byIcpNumber, compareIcpNumbers } from './sort';

describe('compareIcpNumbers', () => {
  it('orders site serials as numbers, not text', () => {
    const numbers = ['浙ICP备2019031245号-10', '浙ICP备2019031245号-2', '浙ICP备2019031245号-1', '浙ICP备2019031245号-11', '浙ICP备2019031245号-3'];
    expect([...numbers].sort(compareIcpNumbers)).toEqual([
      '浙ICP备2019031245号-1',
      '浙ICP备2019031245号-2',
      '浙ICP备2019031245号-3',
      '浙ICP备2019031245号-10',
      '浙ICP备2019031245号-11',
    ]);
  });

  it('groups by subject number first; the subject number itself comes before its sites; blanks first', () => {
    expect(['京ICP备2018024417号-2', '浙ICP备2019031245号-1', '京ICP备2018024417号', '京ICP备2018024417号-10', null, ''].sort(compareIcpNumbers)).toEqual([
      null,
      '',
      '京ICP备2018024417号',
      '京ICP备2018024417号-2',
      '京ICP备2018024417号-10',
      '浙ICP备2019031245号-1',
    ]);
    expect(compareIcpNumbers(' 浙ICP备2019031245号-2', '浙ICP备2019031245号-2')).toBe(0);
  });

  it('byIcpNumber sorts a copy of a list of websites', () => {
    const sites = [{ icpNumber: 'x号-12', name: 'c' }, { icpNumber: 'x号-9', name: 'b' }, { icpNumber: 'x号-1', name: 'a' }];
    expect(byIcpNumber(sites).map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(sites[0]!.name).toBe('c');
  });
});
