import type { FieldIssue } from '@youshe/shared';
import { describe, expect, it, vi } from 'vitest';

// The console's i18n needs a document; the messages under test come from the server or the key itself.
vi.mock('./i18n', () => ({ default: { t: (key: string) => key, language: 'zh-CN' } }));

const { ApiError, failureBanner } = await import('./api');

const PERIOD = ['from', 'to'];
const refused = (issues: Omit<FieldIssue, 'code'>[]) =>
  new ApiError(
    400,
    'validation_failed',
    '提交的内容有误，请检查标出的字段',
    issues.map((i) => ({ ...i, code: 'custom' })),
  );

describe('the failure banner of a page that shows some field problems beside their fields', () => {
  it('is left out when every problem is shown beside its field, so it is not said twice', () => {
    expect(failureBanner(refused([{ path: 'to', message: '结束日期不能早于开始日期' }]), PERIOD)).toBeUndefined();
    expect(
      failureBanner(
        refused([
          { path: 'from', message: '日期格式不对' },
          { path: 'to', message: '结束日期不能早于开始日期' },
        ]),
        PERIOD,
      ),
    ).toBeUndefined();
  });

  it('names the problems no field on the page shows, under the general message', () => {
    const banner = failureBanner(
      refused([
        { path: 'to', message: '结束日期不能早于开始日期' },
        { path: 'pageSize', message: '不能大于 100' },
      ]),
      PERIOD,
    );
    expect(banner).toEqual({ title: '提交的内容有误，请检查标出的字段', description: '不能大于 100' });
  });

  it('is shown for any failure without field problems', () => {
    expect(failureBanner(new ApiError(0, 'network', '网络不通'), PERIOD)).toEqual({ title: '网络不通' });
    expect(failureBanner(new ApiError(500, 'internal', '服务器出错'), PERIOD)).toEqual({ title: '服务器出错' });
    expect(failureBanner(new ApiError(403, 'forbidden', '无权查看'), PERIOD)).toEqual({ title: '无权查看' });
    expect(failureBanner(new TypeError('x is undefined'), PERIOD)).toEqual({ title: 'x is undefined' });
  });

  it('is left out when nothing failed', () => {
    expect(failureBanner(null, PERIOD)).toBeUndefined();
    expect(failureBanner(undefined, PERIOD)).toBeUndefined();
  });
});
