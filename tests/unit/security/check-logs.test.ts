// scripts/check-logs.mjs (run after the end-to-end tests on test-results/e2e-server.log) finds full
// numbers and stray codes, and lets masked forms and the demo sender's own lines through.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { checkRequestLines, scanLog } from '../../../scripts/check-logs.mjs';

type Finding = { line: number; what: string; sample: string };
const scan = (text: string, demo = true) => scanLog(text, { demo }) as Finding[];

describe('服务器日志检查', () => {
  it('完整的手机号、身份证号、银行账号都会被找出来，报告里也不露出全号', () => {
    const found = scan(['[x] login 13800000001 ok', 'id=320202195803150012;', 'account 6222020000001234567', 'id 11010519491231002X'].join('\n'));
    expect(found.map((f) => [f.line, f.what.slice(0, 3)])).toEqual([[1, '手机号'], [2, '身份证'], [2, '银行账'], [3, '银行账'], [4, '身份证']]); // 18 digits are also 16–19 digits
    expect(found[0]!.sample).toBe('13*******01');
  });

  it('打码的形式、时间戳、哈希和请求编号不算', () => {
    const ok = ['[demo-sms] to 138****0001: 您的申请 WX-2026-000001 已提交', '**** **** 4567', '3202**********0012', 'at 1764547200000 ms', 'sha 9f2c13800000001a4b', 'digest: 2386577513', 'GET /api/health 200 in 12ms'];
    expect(scan(ok.join('\n'))).toEqual([]);
  });

  it('演示模式下只有演示短信那一行可以带验证码；非演示模式一行也不行', () => {
    const demoLine = '[demo-sms] to 138****0001: 【医疗救助】您的登录验证码是 402215，5 分钟内有效。';
    expect(scan(demoLine, true)).toEqual([]);
    expect(scan(demoLine, false)).toEqual([{ line: 1, what: '验证码 outside demo mode', sample: '40**15' }]);
    expect(scan('[auth] verify failed, code 402215', true)).toEqual([{ line: 1, what: '验证码 outside the demo sender', sample: '40**15' }]);
  });

  it('服务器的 JSON 请求行：每行都有请求编号和路由模式，没有查询参数和案件编号', () => {
    const good = '{"time":"2026-12-07T08:00:00.000Z","level":"info","msg":"request","requestId":"5f0c","method":"GET","route":"/applications/[ref]","status":200,"ms":3.1}';
    const noId = '{"time":"t","level":"info","msg":"request","method":"GET","route":"/login","status":200}';
    const raw = '{"time":"t","level":"info","msg":"request","requestId":"a","route":"/applications/WX-2026-000001","status":200}';
    const query = '{"time":"t","level":"info","msg":"request","requestId":"b","route":"/login?next=/me","status":200}';
    expect(checkRequestLines([good, 'plain text', '{"msg":"other"}'].join('\n'))).toEqual({ requests: 1, problems: [] });
    const { requests, problems } = checkRequestLines([good, noId, raw, query].join('\n')) as { requests: number; problems: { line: number; what: string }[] };
    expect(requests).toBe(4);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4]);
  });
});
