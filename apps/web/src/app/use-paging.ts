import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A list page's server-side paging: `paging` goes into the query, `firstPage` follows any change of
 * filter, and `pagination(total, sizes)` is the table's pager (with a choice of page `sizes`, if
 * given), which starts again at page 1 when the page size changes.
 */
export function usePaging(pageSize = 20) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize });
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));
  const pagination = (total: number | undefined, sizes?: number[]): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    ...(sizes && { showSizeChanger: true, pageSizeOptions: sizes }),
    showTotal: (count) => t('common.total', { count }),
    onChange: (page, size) => setPaging({ page: size === paging.pageSize ? page : 1, pageSize: size }),
  });
  return { paging, firstPage, pagination };
}
