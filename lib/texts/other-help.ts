// Where to turn when the answer is "no" or the bill is still heavy: never a dead end.
import type { RegionCode } from '@/lib/calculator';

export interface HelpItem {
  title: string;
  text: string;
  /** The clause that names this kind of help, where the region's document does. */
  source?: string;
  /** A telephone number to dial. */
  tel?: string;
}

const TEMP_RELIEF: Record<RegionCode, string | undefined> = {
  shanghai: '000 二(四)3',
  'shanghai-mutual-aid': '000 二(四)3',
  wuxi: '001 五(十)',
  national: '003 五(八)',
  'chongqing-shapingba': undefined,
};

const CHARITY: Record<RegionCode, string> = {
  shanghai: '000 二(四)1',
  'shanghai-mutual-aid': '000 二(四)1',
  wuxi: '001 六(十一)',
  national: '003 六(九)',
  'chongqing-shapingba': '004 二(五)',
};

export function otherHelp(region: RegionCode | undefined): HelpItem[] {
  const shanghai = region === 'shanghai' || region === 'shanghai-mutual-aid';
  const counter = shanghai ? '街道（乡镇）社区事务受理服务中心' : '街道（乡镇）便民服务中心或当地医保经办机构';
  return [
    {
      title: '临时救助',
      text: '看病花钱多、家里一时过不下去的，可以向户籍或居住地的街道（乡镇）申请临时救助。',
      source: region ? TEMP_RELIEF[region] : undefined,
    },
    {
      title: '慈善帮扶',
      text: '不属于医疗救助对象，或者救助以后负担还是很重的，可以请街道（乡镇）或医院社工推荐给慈善组织的大病救助项目。',
      source: region ? CHARITY[region] : undefined,
    },
    {
      title: '12345 政务服务便民热线',
      text: '打电话说明您的情况，热线会转给负责的部门，并告诉您去哪里办。',
      tel: '12345',
    },
    {
      title: '当面咨询',
      text: `到${counter}当面问一问，工作人员可以帮您核对情况、代为申请。`,
    },
  ];
}
