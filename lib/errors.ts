// Expected failures are values with a Chinese message; only the unexpected is thrown.
export type ActionState<V = Record<string, string>> = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: V;
};

export class AppError extends Error {
  constructor(
    readonly code: 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'rate_limited',
    readonly userMessage: string,
  ) {
    super(userMessage);
  }
}

export const notFoundError = () => new AppError('not_found', '没有找到这条记录，或您无权查看。');
export const forbiddenError = () => new AppError('forbidden', '您没有权限进行此操作。');

export function requestId(): string {
  return crypto.randomUUID().slice(0, 8);
}
