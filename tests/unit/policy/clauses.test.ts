// The clause check: every clause code written in lib/ and app/ ("001 四(六)", "000 二(二)4", "002 五(一)(二)",
// "001 三(三)、四(五)") must name a clause the document really has, and every clause the refusal reasons quote
// must contain those words. The documents' outlines are in lib/policy/clauses.json.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseText, DOCUMENT_OUTLINES, expandClause, findClause } from '@/lib/policy/clauses';
import { rejectReasonQuotes } from '@/lib/workflow/reject-reasons';

const ROOT = join(__dirname, '../../..');
const N = '一二三四五六七八九十';
const ONE = `(?:前言|正文末段|[${N}]+(?:\\([${N}]+\\))*\\d*)`;
// A document code, a space, one clause, then more clauses of the same document joined by 、.
const REF = new RegExp(`(?<![\\d.])(00[0-4]) (${ONE}(?:、${ONE})*)`, 'g');

type Found = { where: string; code: string; clause: string; quoted?: string };
// Words quoted right after a clause code (`003 五(七) "结合实际合理确定监测标准"`, `000 二(二)4 “分类设定…年度救助限额”`).
const QUOTED = /^\s?["“](\p{Script=Han}[^"”]{1,80})["”]/u;

/** Every clause code in a text, full-width brackets read as half-width. */
export function referencesIn(text: string, where = ''): Found[] {
  const plain = text.replace(/（/g, '(').replace(/）/g, ')');
  const out: Found[] = [];
  for (const line of plain.split('\n').entries()) {
    for (const m of line[1].matchAll(REF)) {
      const quoted = QUOTED.exec(line[1].slice(m.index! + m[0].length))?.[1];
      const ones = m[2]!.split('、');
      for (const one of ones) {
        for (const clause of expandClause(one)) {
          out.push({ where: `${where}:${line[0] + 1}`, code: m[1]!, clause, ...(ones.length === 1 && quoted ? { quoted } : {}) });
        }
      }
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

// The code, and the two documents that explain it to the next engineer.
const FILES = [...['lib', 'app'].flatMap((d) => sourceFiles(join(ROOT, d))), join(ROOT, 'docs/policy.md'), join(ROOT, 'README.md')];
const ALL = FILES.flatMap((f) => referencesIn(readFileSync(f, 'utf8'), relative(ROOT, f)));

// Punctuation, spaces and the Shanghai files' full-width digits differ between the text and a quote: compare the rest.
const bare = (s: string) =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\p{P}\p{S}]/gu, '');

describe('条款核对：代码里写的每个条款都在文件原文里', () => {
  it('五个文件的条款目录都在（标题、文号、条款和开头的话）', () => {
    // 003: 八 parts, items (一)–(十七); 001: 八 parts, (一)–(十九) and the closing paragraph; 000: 四 parts with
    // 二(二)1–4, 二(四)1–3, 二(五)1–4; 004: 三 parts with 二(二)1–2, 二(三)1–3; 002: 七 parts and the closing paragraph.
    expect(DOCUMENT_OUTLINES.map((d) => [d.code, d.clauses.length])).toEqual([
      ['003', 1 + 8 + 17],
      ['000', 1 + 4 + 5 + 2 + 4 + 3 + 4],
      ['001', 1 + 8 + 19 + 1],
      ['004', 1 + 3 + 6 + 2 + 3 + 4],
      ['002', 1 + 7 + 2 + 3 + 1],
    ]);
    expect(findClause('003', '五(七)')!.heading).toBe('强化高额医疗费用支出预警监测');
    expect(findClause('001', '七(十四)')!.heading).toBe('优化救助申请审核程序');
    expect(findClause('004', '二(三)3')!.heading).toBe('倾斜救助');
    expect(DOCUMENT_OUTLINES.find((d) => d.code === '000')!.number).toBe('沪府办规〔2022〕19号');
  });

  it('读法：一段话里的条款、顿号连写和 (一)(二) 连写都读得出', () => {
    const found = referencesIn('// 001 三(三)、四(五) and 002 五(一)(二); 见 000 二(二)4；（003 五（七））', 'x.ts');
    expect(found.map((f) => `${f.code} ${f.clause}`)).toEqual(['001 三(三)', '001 四(五)', '002 五(一)', '002 五(二)', '000 二(二)4', '003 五(七)']);
  });

  it('不存在的条款会被查出来（003 四(七)、001 五(十四)、004 二(三)4）', () => {
    const wrong = referencesIn('003 四(七) 001 五(十四) 004 二(三)4 003 五(七)').filter((f) => !findClause(f.code, f.clause));
    expect(wrong.map((f) => `${f.code} ${f.clause}`)).toEqual(['003 四(七)', '001 五(十四)', '004 二(三)4']);
  });

  it('lib/、app/ 和 docs/policy.md 里的每个条款编号都存在', () => {
    expect(ALL.length).toBeGreaterThan(300);
    const wrong = ALL.filter((f) => !findClause(f.code, f.clause)).map((f) => `${f.where}  ${f.code} ${f.clause}`);
    expect(wrong).toEqual([]);
  });

  it('条款编号后面引号里的原话，都在那一条里（… 表示中间省略）', () => {
    const quoted = ALL.filter((f) => f.quoted && findClause(f.code, f.clause));
    expect(quoted.length).toBeGreaterThan(5);
    const wrong = quoted.filter((f) => {
      const text = bare(clauseText(f.code, f.clause));
      let at = 0;
      for (const piece of f.quoted!.split(/…+|\.\.\./).map(bare).filter(Boolean)) {
        at = text.indexOf(piece, at);
        if (at < 0) return true;
      }
      return false;
    });
    expect(wrong.map((f) => `${f.where}  ${f.code} ${f.clause} “${f.quoted}”`)).toEqual([]);
  });

  it('不予救助原因引用的原文，都在所引条款里', () => {
    const quotes = rejectReasonQuotes();
    expect(quotes.length).toBeGreaterThan(20);
    const missing = quotes.filter((q) => {
      const [code, clause] = q.clause.split(' ');
      return !bare(clauseText(code!, clause!)).includes(bare(q.quote));
    });
    expect(missing.map((q) => `${q.region} ${q.code} ${q.clause}`)).toEqual([]);
  });
});
