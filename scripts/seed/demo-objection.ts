// Demo values for the decision notice's deciding office and objection routes (lib/dal/region-settings.ts,
// "objection routes"): plausible bodies, not published by any office, so every row is demo and says so. The
// 复核 period of 30 days is the portal's demo default; the 60 days and 6 months are the laws' own and not settings.
export const DEMO_OBJECTION_SOURCE = '演示数据：非当地公布的机构名称和期限，正式使用前由本地区管理员按当地规定更换';

type Region = 'national' | 'shanghai' | 'wuxi' | 'chongqing-shapingba' | 'shanghai-mutual-aid';

const BODIES: Record<Region, { office: string; reconsideration: string; court: string }> = {
  wuxi: { office: '无锡市医疗保障局', reconsideration: '无锡市人民政府', court: '无锡市梁溪区人民法院' },
  shanghai: { office: '上海市医疗保障局', reconsideration: '上海市人民政府', court: '上海铁路运输法院' },
  'chongqing-shapingba': { office: '重庆市沙坪坝区医疗保障局', reconsideration: '重庆市沙坪坝区人民政府', court: '重庆市沙坪坝区人民法院' },
  national: { office: '当地医疗保障部门', reconsideration: '作出决定的医疗保障部门所属的本级人民政府', court: '作出决定的机构所在地有管辖权的人民法院' },
  // 002 六: inpatient aid is applied for, and decided, at the 街道（乡镇）社区事务受理服务中心.
  'shanghai-mutual-aid': { office: '户籍或居住地街道（乡镇）社区事务受理服务中心', reconsideration: '受理服务中心所在区的区人民政府', court: '上海铁路运输法院' },
};

export function demoObjectionSettings(region: Region): [string, string][] {
  const b = BODIES[region];
  return [
    ['decisionOffice', b.office],
    ['objectionReviewDays', '30'],
    ['objectionReconsiderationBody', b.reconsideration],
    ['objectionCourt', b.court],
  ];
}
