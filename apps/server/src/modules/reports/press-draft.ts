import { OUTCOME_LABELS, formatOutcome, type OutcomeField } from '@youshe/shared';

/** What a news release is written from: the activity's own records, nothing typed twice. */
export interface PressFacts {
  title: string;
  kindName: string;
  orgName: string;
  coOrganisers: string[];
  startsAt: Date;
  location: string | null;
  description: string;
  attendance: number;
  outcome: Record<string, number>;
  quote: { speaker: string; text: string } | null;
  photoCount: number;
}

const chinaDay = (d: Date) => {
  const c = new Date(d.getTime() + 8 * 3600_000);
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日`;
};

/** How the press counts each figure: 服务群众86人, 发放资料240份. */
const UNITS: Record<OutcomeField, string> = {
  people_served: '人',
  households_visited: '户',
  value_donated_fen: '元',
  sales_fen: '元',
  new_customers: '户',
  subscriptions: '份',
  materials_handed_out: '份',
  blood_donors: '人',
};

const strip = (s: string) => s.replace(/[。！!；;，,\s]+$/u, '');

/**
 * A first draft in the manner of the postal press (中国邮政报): a title, a lead that says who, when, where and
 * what in one sentence, then the figures, a participant's own words, and the meaning of the work. People
 * edit it before it goes out; the draft only spares them the copying.
 */
export function draftRelease(f: PressFacts): { title: string; lead: string; body: string } {
  const partners = f.coOrganisers.length ? `联合${f.coOrganisers.join('、')}` : '';
  const where = f.location ? `在${f.location}` : '';
  const title = `${f.orgName}${partners ? partners.replace('联合', '携手') : ''}开展“${strip(f.title)}”${f.kindName.endsWith('活动') ? '' : f.kindName}活动`;
  const reached = f.attendance > 0 ? `，${f.attendance}名群众参加` : '';
  const lead = `${chinaDay(f.startsAt)}，${f.orgName}${partners}${where}开展“${strip(f.title)}”${f.kindName}活动${reached}，用实际行动践行“人民邮政为人民”的服务宗旨。`;

  const paragraphs: string[] = [];
  if (f.description.trim()) paragraphs.push(`${strip(f.description.trim().replace(/\s*\n+\s*/g, '；'))}。`);
  const figures = Object.entries(f.outcome)
    .filter(([k, v]) => k in OUTCOME_LABELS['zh-CN'] && typeof v === 'number' && v > 0)
    .map(([k, v]) => {
      const key = k as OutcomeField;
      const label = OUTCOME_LABELS['zh-CN'][key].replace(/（元）$/, '');
      return `${label}${formatOutcome(key, v)}${UNITS[key]}`;
    });
  if (figures.length) paragraphs.push(`据统计，此次活动${figures.join('，')}。`);
  paragraphs.push(`活动现场，党员志愿者们耐心讲解、热情服务，居民们${f.attendance > 0 ? '踊跃参与' : '纷纷点赞'}，现场气氛热烈。`);
  if (f.quote) paragraphs.push(`“${strip(f.quote.text)}。”${f.quote.speaker}说。`);
  paragraphs.push(
    `近年来，${f.orgName}坚持以党建引领共建，主动融入社区治理，把邮政网点和党员队伍的优势转化为服务群众的实效。下一步，${f.orgName}将继续深化“党建共建”，推动共建活动常态化、长效化，让党建红与邮政绿在基层交相辉映。`,
  );
  let body = paragraphs.join('\n');
  // The seed articles' short pieces run 200–400 characters; a thin record gets one more sentence of context.
  if ((lead + body).length < 200) body += `\n此次活动得到了共建单位和社区居民的广泛好评，进一步拉近了邮政与群众的距离，架起了党群连心桥。`;
  return { title, lead, body };
}
