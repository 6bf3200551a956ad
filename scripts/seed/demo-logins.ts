// Printed by the start command so a newcomer can sign in at once.
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, DEMO_RESIDENTS, DEMO_STAFF } from './demo-data';

console.log('演示账号（仅演示数据，不是真实居民）:');
console.log('  居民（手机号登录，演示环境验证码直接显示在页面上和服务器日志里）:');
for (const r of DEMO_RESIDENTS) console.log(`    ${r.phone}  ${r.displayName}`);
console.log(`  工作人员（/login?as=staff，密码均为 ${DEMO_PASSWORD}）:`);
for (const s of DEMO_STAFF) console.log(`    ${s.username.padEnd(18)} ${s.displayName}`);
console.log(`  admin 和 shanghai.admin 开启了两步验证：把密钥 ${DEMO_ADMIN_TOTP_SECRET} 手动添加到手机身份验证器（基于时间，6 位，30 秒），登录时输入它显示的数字。`);
