// The privacy notice (《个人信息保护法》第十七条: who processes, what, why, how long, how to exercise rights) and
// its version. A new version is a new VERSION string: every resident is asked for separate consent to the
// processing of sensitive personal information again (第二十九条) before their next application step.
export const NOTICE_VERSION = '2026-12-07';
export const NOTICE_TITLE = '个人信息处理告知';

/** Working days within which a request about one's own data is answered (《App违法违规收集使用个人信息行为认定方法》六(五)). */
export const ANSWER_WITHIN_WORKING_DAYS = 15;
/** Days after the last change a draft and its uploads are kept (the office's ruling; drafts are not records). */
export const DRAFT_RETENTION_DAYS = 180;

export type NoticeSection = { id: string; title: string; paragraphs: string[] };

export const NOTICE_SECTIONS: NoticeSection[] = [
  {
    id: 'who',
    title: '谁处理您的个人信息',
    paragraphs: [
      '您申请所在地区的医疗救助经办机构（医疗保障部门或其委托的经办机构），是您在本网站所填个人信息的处理者。您选择的地区就是处理您申请的机构所在地区。',
    ],
  },
  {
    id: 'what',
    title: '处理哪些信息',
    paragraphs: [
      '手机号码（用于登录和接收通知）；申请人的姓名、身份证号码、户籍和参保地；救助身份（低保、特困等）；就医记录、结算单和发票照片；收款银行账户；您为他人代办或委托他人代办的授权。',
      '其中身份证号码、就医记录（健康信息）和银行账户属于敏感个人信息（《个人信息保护法》第二十八条）。开始申请前，我们会单独征求您的同意（第二十九条）。',
    ],
  },
  {
    id: 'why',
    title: '为什么处理',
    paragraphs: [
      '只为办理医疗救助：核对救助身份、计算救助金额、作出决定、发放救助金，以及在您同意时用短信通知办理进展。不用于其他目的，不向与办理无关的单位提供。',
      '工作人员只能看到本人负责地区的申请，页面上的身份证号码和银行账号默认隐去部分数字；查看完整号码须由负责该地区的经办人员操作，并留有记录。您可以在“我的数据”里看到哪些岗位、哪个机构的工作人员查看过您的申请（只显示岗位和机构，不显示姓名）。',
    ],
  },
  {
    id: 'how-long',
    title: '保存多久',
    paragraphs: [
      `未提交的草稿及其上传的材料：最后一次修改后 ${DRAFT_RETENTION_DAYS} 天自动删除。`,
      '已作出决定的救助申请：按所在地区规定的档案保存期限保存（本网站演示设置为 30 年，演示数据：以当地规定为准），期满删除。',
      '登录验证码和过期的登录记录：过期后自动删除。',
    ],
  },
  {
    id: 'rights',
    title: '您的权利',
    paragraphs: [
      '登录后在“我的 → 我的数据”可以：下载本网站保存的关于您的全部信息（PDF 和 JSON 文件，第四十五条）；申请更正不准确的信息（第四十六条）；撤回短信通知的同意、注销账号（第十五条、第四十七条）。',
      `每一项申请都会记录，并在 ${ANSWER_WITHIN_WORKING_DAYS} 个工作日内答复。注销账号会删除草稿和上传的材料、终止委托；已作出决定的救助档案依法继续保存。`,
    ],
  },
  {
    id: 'complain',
    title: '如何投诉',
    paragraphs: [
      '对个人信息处理有疑问或投诉，可以联系您所在地区的医疗救助经办机构，或拨打 12345 政务服务便民热线；也可以向当地网信部门投诉、举报（《个人信息保护法》第六十五条）。',
    ],
  },
];
