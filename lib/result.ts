// The one result type of every data-layer function that can refuse. Expected refusals are values with a
// Chinese message (and field errors for forms); only the unexpected is thrown.
export type RefusalCode = 'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'rate_limited';
export type Refusal = { ok: false; code: RefusalCode; message: string; fieldErrors?: Record<string, string> };
export type Ok<T extends object = object> = { ok: true } & T;
export type Result<T extends object = object> = Ok<T> | Refusal;

export function refuse(code: RefusalCode, message: string, fieldErrors?: Record<string, string>): Refusal {
  return fieldErrors && Object.keys(fieldErrors).length ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

export const notFound = (): Refusal => refuse('not_found', '没有找到这条记录，或您无权查看。');
export const forbidden = (message = '您没有权限进行此操作。'): Refusal => refuse('forbidden', message);
export const invalid = (fieldErrors: Record<string, string>, message = '有几处需要修改，请看标出的地方。'): Refusal => refuse('invalid', message, fieldErrors);
