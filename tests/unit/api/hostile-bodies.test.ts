import { describe, expect, it } from 'vitest';
import { handleEligibilityRequest, handleEstimateRequest } from '@/lib/api/v1';

// Bodies found by the fuzz test (fast-check counterexample `{"episodes":[null]}`) and their relatives:
// nulls where objects belong must be a 400 with issues, never a 500.
const BODIES = [
  '{"episodes":[null]}',
  '{"person":{"categories":[null]}}',
  '{"region":"wuxi","year":2024,"person":{"categories":[null,1,"x",{"code":null}]},"episodes":[null,1,"a",[],{}],"parameters":null}',
  'null',
  '[]',
  '{"facts":null}',
  '{"facts":{"household":null,"disability":null,"certifications":[null]}}',
  '{"region":"shanghai","date":"2024-01-01","facts":{"household":[null]},"parameters":{"x":null}}',
];

describe('空值放在对象的位置上只会得到 400', () => {
  for (const [name, handle] of [['估算', handleEstimateRequest], ['资格', handleEligibilityRequest]] as const) {
    it.each(BODIES)(`${name}接口：%s`, async (body) => {
      const res = await handle(new Request('http://portal.test/', { method: 'POST', headers: { 'content-type': 'application/json' }, body }), () => ({}));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe('invalid_request');
    });
  }
});
