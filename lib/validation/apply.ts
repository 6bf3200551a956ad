// The apply wizard's steps: what each asks, and the checks each answer must pass (messages in Chinese by the field).
import { regionInfo, type CategoryCode, type RegionCode } from '@/lib/calculator';
import { checkIdNumber } from '@/lib/personal/id-number';
import { normalisePhone } from '@/lib/personal/phone';

export type StepValues = Record<string, string | string[]>;
export type StepResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string> };

const str = (v: StepValues, k: string) => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
const list = (v: StepValues, k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : typeof v[k] === 'string' && v[k] ? [v[k] as string] : []);

export type ApplicantData = { name: string; idNumber: string; birthDate: string; phone: string; hukouLocal: boolean; insuredLocal: boolean };

export function validateApplicant(v: StepValues): StepResult<ApplicantData> {
  const e: Record<string, string> = {};
  const name = str(v, 'name');
  if (!name) e.name = '请填写申请人姓名';
  else if (!/^[\p{Script=Han}A-Za-z·•.\s]{2,30}$/u.test(name)) e.name = '姓名请填写身份证上的名字（2 到 30 个字）';
  const id = checkIdNumber(str(v, 'idNumber'));
  if (!str(v, 'idNumber')) e.idNumber = '请填写申请人的身份证号';
  else if (!id.ok) e.idNumber = id.message;
  const phone = normalisePhone(str(v, 'phone'));
  // `noPhone`: only the counter form (窗口代录) sets it, for a person who has no phone; residents sign in with one.
  const noPhone = str(v, 'noPhone') === 'yes' && !str(v, 'phone');
  if (!phone && !noPhone) e.phone = '请填写 11 位手机号码，用于接收办理进度';
  for (const [k, q] of [['hukouLocal', '户籍'], ['insuredLocal', '医保参保地']] as const) {
    if (str(v, k) !== 'yes' && str(v, k) !== 'no') e[k] = `请选择${q}是否在本地`;
  }
  if (Object.keys(e).length || !id.ok || (!phone && !noPhone)) return { ok: false, fieldErrors: e };
  return { ok: true, data: { name, idNumber: id.value, birthDate: id.birthDate, phone: phone ?? '', hukouLocal: str(v, 'hukouLocal') === 'yes', insuredLocal: str(v, 'insuredLocal') === 'yes' } };
}

export type IdentityData = { categories: CategoryCode[]; certificateNo: string };

export function validateIdentity(v: StepValues, region: RegionCode): StepResult<IdentityData> {
  const allowed = new Set(regionInfo(region).categories.map((c) => c.code as string));
  const chosen = list(v, 'categories').filter((c) => allowed.has(c)) as CategoryCode[];
  const e: Record<string, string> = {};
  if (chosen.length === 0) e.categories = '请至少选择一项您已经取得的救助身份；都没有的话，请先到“能不能救助”查一查';
  const certificateNo = str(v, 'certificateNo');
  if (certificateNo.length > 40) e.certificateNo = '证件编号不能超过 40 个字符';
  if (Object.keys(e).length) return { ok: false, fieldErrors: e };
  return { ok: true, data: { categories: chosen, certificateNo } };
}

export type BankData = { bankName: string; accountName: string; account: string };

export function validateBank(v: StepValues, applicantName: string | null): StepResult<BankData> {
  const e: Record<string, string> = {};
  const bankName = str(v, 'bankName');
  if (!bankName) e.bankName = '请填写开户银行，例如“中国工商银行无锡分行”';
  else if (bankName.length > 40) e.bankName = '开户银行名称不能超过 40 个字';
  const accountName = str(v, 'accountName');
  if (!accountName) e.accountName = '请填写户名';
  // The money goes to the applicant; paying a proxy needs a separate authority (receive_payment), never by default.
  else if (applicantName && accountName !== applicantName) e.accountName = `户名必须是申请人本人（${applicantName}）`;
  const account = str(v, 'account').replace(/[\s-]/g, '');
  if (!account) e.account = '请填写银行卡号或存折账号';
  else if (!/^\d{12,30}$/.test(account)) e.account = '账号应为 12 到 30 位数字，请核对';
  if (Object.keys(e).length) return { ok: false, fieldErrors: e };
  return { ok: true, data: { bankName, accountName, account } };
}

export type DeclarationData = { truthful: true; consentVerify: true; consentHealth: true };

export function validateDeclaration(v: StepValues): StepResult<DeclarationData> {
  const e: Record<string, string> = {};
  if (str(v, 'truthful') !== 'yes') e.truthful = '请确认所填内容真实，才能提交申请';
  if (str(v, 'consentVerify') !== 'yes') e.consentVerify = '需要您同意核对家庭经济状况，才能审核申请';
  if (str(v, 'consentHealth') !== 'yes') e.consentHealth = '需要您单独同意使用就医信息，才能计算救助金额';
  if (Object.keys(e).length) return { ok: false, fieldErrors: e };
  return { ok: true, data: { truthful: true, consentVerify: true, consentHealth: true } };
}
