// The demo accounts (clearly marked: every row they create has demo = true). Never used in production.
export const DEMO_PASSWORD = 'Demo-2026!';
// The demo administrator's second factor (administrators must have one). Published on purpose, like the
// password: add it to an authenticator app by hand to sign in as `admin` in the demo. Never a real secret.
export const DEMO_ADMIN_TOTP_SECRET = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';

export const DEMO_STAFF = [
  { username: 'wuxi.clerk', displayName: '无锡受理员（演示）', role: 'clerk', region: 'wuxi' },
  { username: 'wuxi.reviewer', displayName: '无锡审核员（演示）', role: 'reviewer', region: 'wuxi' },
  // A second reviewer: four eyes needs one who did not accept the case.
  { username: 'wuxi.reviewer2', displayName: '无锡审核员二（演示）', role: 'reviewer', region: 'wuxi' },
  { username: 'shanghai.clerk', displayName: '上海受理员（演示）', role: 'clerk', region: 'shanghai' },
  { username: 'shanghai.reviewer', displayName: '上海审核员（演示）', role: 'reviewer', region: 'shanghai' },
  { username: 'admin', displayName: '系统管理员（演示）', role: 'admin', region: 'wuxi' },
  { username: 'shanghai.admin', displayName: '上海管理员（演示）', role: 'admin', region: 'shanghai' },
  { username: 'auditor', displayName: '审计员（演示）', role: 'auditor', region: 'wuxi' },
] as const;

export const DEMO_RESIDENTS = [
  {
    phone: '13800000001',
    displayName: '张三明',
    person: { name: '张三明', idNumber: '320202195803150012', birthDate: '1958-03-15', hukouRegion: 'wuxi', insuredRegion: 'wuxi' },
    categories: [{ code: 'dibao', region: 'wuxi', validFrom: '2024-01-01', certificateNo: 'WXDB-2024-0088（演示）' }],
  },
  {
    phone: '13800000002',
    displayName: '李秀英',
    person: { name: '李秀英', idNumber: '310104196207201223', birthDate: '1962-07-20', hukouRegion: 'shanghai', insuredRegion: 'shanghai' },
    categories: [{ code: 'low_income', region: 'shanghai', validFrom: '2024-01-01', certificateNo: 'SHDS-2024-1201（演示）' }],
  },
  {
    phone: '13800000003',
    displayName: '王芳',
    person: { name: '王芳', idNumber: '320203198511110027', birthDate: '1985-11-11', hukouRegion: 'wuxi', insuredRegion: 'wuxi' },
    categories: [],
  },
] as const;

/** A person without an account, for whom 王芳 (13800000003) holds an active proxy authority. */
export const DEMO_PROXIED_PERSON = {
  name: '赵大年',
  idNumber: '320202194409090037',
  birthDate: '1944-09-09',
  hukouRegion: 'wuxi',
  insuredRegion: 'wuxi',
  categories: [{ code: 'tekun', region: 'wuxi', validFrom: '2023-01-01', certificateNo: 'WXTK-2023-0007（演示）' }],
} as const;
