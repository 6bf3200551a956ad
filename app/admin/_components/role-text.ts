export const ROLE_TEXT = { clerk: '受理员', reviewer: '审核员', admin: '管理员', auditor: '审计员', resident: '居民' } as const;
