// Policy words in one plain line each. Shown on tap next to where they are used (app/_components/term.tsx)
// and all together on /help. Descriptions only: figures live in the calculator with their clauses.

export interface GlossaryEntry {
  term: string;
  text: string;
}

export const GLOSSARY = {
  'settlement-slip': {
    term: '结算单',
    text: '出院或看完病时医院给的“医疗费用结算单”（也叫医保结算票据），上面写着一共花了多少钱、医保付了多少、自己付了多少。',
  },
  'policy-cost': {
    term: '政策范围内费用',
    text: '医保目录里的药品、检查和治疗的费用。目录外的自费项目不算在内，医疗救助也不管这部分。',
  },
  'basic-insurance': {
    term: '基本医保（统筹支付）',
    text: '职工医保或城乡居民医保替您付的钱，结算单上常写作“统筹基金支付”。',
  },
  'critical-insurance': {
    term: '大病保险',
    text: '基本医保报销以后，自己付的钱比较多时，大病保险再报一部分，结算单上写“大病保险支付”。',
  },
  'supplementary-insurance': {
    term: '其他补充保障',
    text: '除基本医保和大病保险外，其他政策性的补充保险（如“惠民保”）替您付的钱。',
  },
  'self-pay': {
    term: '政策范围内个人自付',
    text: '政策范围内费用减去医保、大病保险等已经付的钱。医疗救助就是在这部分里按比例帮您付。',
  },
  'out-of-catalog': {
    term: '目录外费用（自费）',
    text: '不在医保目录里的药品和项目，医保和医疗救助都不报，要自己付。',
  },
  deductible: {
    term: '起付标准',
    text: '一年里先由自己付满的钱，超过这个数以后才开始救助。',
  },
  ratio: {
    term: '救助比例',
    text: '在政策范围内个人自付的钱里，医疗救助替您付的百分比。',
  },
  'annual-limit': {
    term: '年度限额',
    text: '一年里医疗救助最多能帮您付的钱。同一类费用（比如住院）一年内共用一个限额。',
  },
  tilt: {
    term: '倾斜救助',
    text: '一年里经过医保和医疗救助以后，自己付的钱还是很多，超过一定数额的部分再多救助一些。',
  },
  direct: {
    term: '免申即享',
    text: '已经认定的低保、特困等人员不用另外申请，在医院结算时直接减免，或由经办部门直接发放。',
  },
  'one-stop': {
    term: '一站式结算',
    text: '出院时医保、大病保险和医疗救助在医院窗口一次结清，您只付自己应付的部分。',
  },
  'premium-subsidy': {
    term: '资助参保',
    text: '政府替困难群众交全部或一部分城乡居民医保的个人缴费。',
  },
  'highest-benefit': {
    term: '就高不重复',
    text: '同时有几种身份时，按待遇最高的一种计算，不同身份的待遇不叠加。',
  },
  hukou: {
    term: '户籍',
    text: '户口簿上登记的户口所在地。',
  },
  certified: {
    term: '认定',
    text: '由民政、乡村振兴、残联等部门审核确认您的身份，并发给证件或证明。',
  },
  'expenditure-poverty': {
    term: '支出型贫困家庭',
    text: '收入不算很低，但因为看病等必需的花费太多，生活变得困难的家庭（上海的说法）。',
  },
  'disposable-income': {
    term: '可支配收入',
    text: '实际到手、可以自己支配的收入，比如扣除个人所得税和社保缴费后的工资、养老金、经营收入等。',
  },
  'asset-limit': {
    term: '财产标准',
    text: '认定低收入困难家庭时，对家庭存款、有价证券、房产等财产的限制，具体标准由民政部门规定。',
  },
  referral: {
    term: '规范转诊',
    text: '按医保规定由医院开具转诊单、办好转诊手续后，再到上级或外地医院看病。',
  },
  'offsite-filing': {
    term: '异地就医备案',
    text: '去外地看病前在医保部门登记，这样在外地看病也能直接结算；上海也叫“就医关系转移”。',
  },
  'hospital-level': {
    term: '医院等级',
    text: '三级医院一般是市级大医院，二级是区县医院，一级是社区卫生服务中心、乡镇卫生院；等级写在医院门口的牌子上。',
  },
  'special-disease': {
    term: '门诊慢特病（门特、门慢）',
    text: '需要长期在门诊治疗的慢性病和特殊疾病，比如尿毒症透析、癌症放化疗，要先经医保部门认定。',
  },
  'temporary-relief': {
    term: '临时救助',
    text: '民政部门对突然遇到困难、基本生活难以维持的家庭给予的救助，可以向户籍或居住地的街道（乡镇）申请。',
  },
  charity: {
    term: '慈善帮扶',
    text: '慈善组织设立的大病救助项目，对不属于医疗救助对象或救助后负担仍然很重的人再帮一把，可以请街道（乡镇）或医院社工推荐。',
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryId = keyof typeof GLOSSARY;
