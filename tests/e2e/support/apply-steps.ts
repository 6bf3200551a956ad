// The steps of a Wuxi application as a resident types them (shared by the apply spec and the multi-instance spec).
import { expect, type Page } from '@playwright/test';
import { agreeIfAsked, PNG_1X1 } from '../helpers';

export async function startWuxiApplication(page: Page): Promise<string> {
  await page.goto('/apply');
  await page.getByLabel('申请地区（医保参保地）').selectOption('wuxi');
  await agreeIfAsked(page);
  await page.getByRole('button', { name: '开始申请' }).click();
  await expect(page).toHaveURL(/\/apply\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/')[2]!;
}

export async function fillApplicant(page: Page, name: string, idNumber: string, phone: string) {
  await page.getByRole('link', { name: /申请人信息/ }).click();
  await page.getByLabel('申请人姓名').fill(name);
  await page.getByLabel('申请人身份证号').fill(idNumber);
  await page.getByLabel('联系电话').fill(phone);
  await page.getByRole('group', { name: '申请人的户口在本地吗？' }).getByLabel('是').check();
  await page.getByRole('group', { name: /本地参加基本医疗保险/ }).getByLabel('是').check();
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('link', { name: /申请人信息/ })).toContainText('已完成');
}

export async function fillRest(page: Page, name: string, stay: StayOptions = {}) {
  await page.getByRole('link', { name: /救助身份/ }).click();
  await page.getByLabel(/^低保对象/).check();
  await page.getByRole('button', { name: '保存并继续' }).click();

  await page.getByRole('link', { name: /就医记录/ }).click();
  await page.getByRole('link', { name: '添加一次就医' }).click();
  await fillWuxiStay(page, stay);
  await expect(page.getByText('已保存。请在下面上传这次就医的结算单和发票照片。')).toBeVisible();

  await page.getByLabel('从相册或文件中选择').setInputFiles({ name: '结算单.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await page.getByRole('button', { name: '上传', exact: true }).click();
  await expect(page.getByText('已上传 1 个文件。')).toBeVisible();
  await expect(page.getByRole('list', { name: '已上传的材料' })).toContainText('结算单.png');

  await page.getByRole('link', { name: '任务清单' }).click();
  await page.getByRole('link', { name: /收款账户/ }).click();
  await page.getByLabel('开户银行').fill('中国工商银行无锡分行');
  await expect(page.getByLabel('户名')).toHaveValue(name);
  await page.getByLabel('银行卡号或存折账号').fill('6222 0200 0000 1234 567');
  await page.getByRole('button', { name: '保存并继续' }).click();

  await page.getByRole('link', { name: /声明与授权/ }).click();
  await page.getByLabel(/诚信承诺/).check();
  await page.getByLabel(/同意核对经济状况/).check();
  await page.getByLabel(/单独同意使用就医信息/).check();
  await page.getByRole('button', { name: '确认并继续' }).click();
}


type StayOptions = { assistancePaid?: string };

/**
 * The visit form with the Wuxi 低保 example stay (50,000 元 total, 40,000 in the policy range), saved; `assistancePaid`
 * is what the receipt says medical assistance already paid at the hospital (blank when not given).
 */
export async function fillWuxiStay(page: Page, stay: StayOptions = {}) {
  await page.getByLabel('医院名称').fill('无锡市人民医院');
  await page.getByRole('radio', { name: '住院' }).check();
  await page.getByLabel('入院日期或就诊日期').fill('2026-03-02');
  await page.getByLabel('出院日期（住院才填）').fill('2026-03-10');
  await page.getByLabel('三级医院').check();
  await page.getByLabel('本市（本地）').check();
  await page.getByRole('group', { name: /转诊/ }).getByLabel('是').check();
  await page.getByRole('group', { name: /异地就医备案/ }).getByLabel('否').check();
  await page.getByLabel('总费用').fill('50000');
  await page.getByLabel('政策范围内费用').fill('40000');
  await page.getByLabel('基本医保支付').fill('25000');
  await page.getByLabel('大病保险支付').fill('5000');
  if (stay.assistancePaid) await page.getByLabel('医院结算时医疗救助已支付').fill(stay.assistancePaid);
  await page.getByRole('button', { name: '保存这次就医' }).click();
}
