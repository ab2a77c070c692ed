import { changzhouCommunities, changzhouPostal } from './changzhou.js';
import { chifengCommunities, chifengPostal } from './chifeng.js';
import { hengyangPostal, ningxiaPostal, otherCommunities, wuxiPostal } from './cities.js';
import { org, type OrgSpec } from './types.js';

/**
 * The whole demo tree: one postal root (the group's leading party group) over four provinces and the
 * five demo cities, and one community-side root per district, with its streets, communities, grids
 * and partner units.
 */
export function demoOrgTree(): OrgSpec[] {
  const postal = org(
    'group',
    'group',
    '中国邮政集团有限公司党组',
    [
      ningxiaPostal(),
      org('js', 'province_committee', '中国邮政集团有限公司江苏省分公司党委', [wuxiPostal(), changzhouPostal()], { shortName: '江苏省分公司党委', code: 'JS' }),
      org('hn', 'province_committee', '中国邮政集团有限公司湖南省分公司党委', [hengyangPostal()], { shortName: '湖南省分公司党委', code: 'HN' }),
      org('nm', 'province_committee', '中国邮政集团有限公司内蒙古自治区分公司党委', [chifengPostal()], { shortName: '内蒙古区分公司党委', code: 'NM' }),
    ],
    { shortName: '集团公司党组', code: 'CNPOST' },
  );
  return [postal, ...otherCommunities(), ...changzhouCommunities(), ...chifengCommunities()];
}

/** Every spec of the tree, parents before children. */
export function flatten(roots: OrgSpec[]): { spec: OrgSpec; parentKey: string | null }[] {
  const out: { spec: OrgSpec; parentKey: string | null }[] = [];
  const walk = (spec: OrgSpec, parentKey: string | null) => {
    out.push({ spec, parentKey });
    for (const child of spec.children ?? []) walk(child, spec.key);
  };
  for (const root of roots) walk(root, null);
  return out;
}
