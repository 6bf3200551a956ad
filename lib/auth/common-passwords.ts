// A small, honest list of passwords people really choose: the long-standing top entries of the public
// breach-derived lists (the NCSC "100k" list, SplashData's yearly lists, the 2011 CSDN leak for
// Chinese habits), lower-cased. Not exhaustive: lib/auth/password-policy.ts also refuses these words padded
// with digits or symbols ("password2026!"), repeated units ("abc123abc123"), keyboard runs and sequences,
// and anything built on the username or the service's own name.
export const COMMON_PASSWORDS: readonly string[] = [
  // numbers and keyboard runs
  '123456', '1234567', '12345678', '123456789', '1234567890', '12345678910', '123456789012', '0123456789',
  '111111', '1111111', '11111111', '000000', '00000000', '888888', '88888888', '666666', '66666666', '123123',
  '123321', '654321', '987654321', '147258369', '159753', '112233', '121212', '123654', '5201314', '1314520',
  '520520', '147258', '258369', '789456', '456789', '741852963', '159357', '123qwe', '1q2w3e', '1q2w3e4r',
  '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4', 'q1w2e3r4t5', 'q1w2e3r4t5y6', '1qaz2wsx', '1qaz2wsx3edc', 'zaq12wsx',
  'qazwsx', 'qazwsxedc', 'qwerty', 'qwerty123', 'qwertyuiop', 'qwertyuiop123', 'asdfgh', 'asdfghjkl', 'zxcvbnm',
  'zxcvbnm123', 'asdf1234', 'qwer1234', 'abcd1234', 'abc123', 'abc12345', 'a123456', 'a12345678', 'aa123456',
  'qq123456', 'q123456', 'a1b2c3', 'a1b2c3d4', '1a2b3c4d', 'abcdefg', 'abcdefgh', 'abcdefghijkl', 'aaaaaa',
  // English words and names
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pass1234', 'password1', 'password123', 'password1234', 'admin',
  'admin123', 'admin1234', 'administrator', 'root', 'toor', 'letmein', 'welcome', 'welcome1', 'welcome123',
  'iloveyou', 'iloveyou1', 'monkey', 'dragon', 'master', 'sunshine', 'princess', 'football', 'baseball',
  'superman', 'batman', 'trustno1', 'shadow', 'michael', 'jennifer', 'jordan', 'hunter', 'charlie', 'freedom',
  'whatever', 'starwars', 'computer', 'internet', 'changeme', 'secret', 'default', 'login', 'guest', 'test',
  'test123', 'test1234', 'temp', 'temp1234', 'user', 'user1234', 'system', 'manager', 'service', 'support',
  'hello', 'hello123', 'helloworld', 'goodluck', 'loveyou', 'lovely', 'flower', 'summer', 'winter', 'spring',
  'autumn', 'chocolate', 'cookie', 'pokemon', 'qwertyui', 'zxcvbn', 'mustang', 'ferrari', 'liverpool', 'chelsea',
  'arsenal', 'michelle', 'jessica', 'ashley', 'daniel', 'thomas', 'andrew', 'matthew', 'joshua', 'soccer',
  'hockey', 'killer', 'tigger', 'ginger', 'pepper', 'cheese', 'banana', 'orange', 'purple', 'silver', 'golden',
  'diamond', 'nothing', 'thunder', 'maggie', 'buster', 'access', 'matrix', 'samsung', 'google', 'apple',
  'microsoft', 'windows', 'linux', 'oracle', 'mysql', 'database', 'server', 'network', 'security', 'qwerty1',
  // Chinese habits (pinyin, lucky numbers, love numbers)
  'woaini', 'woaini1314', 'woaini520', 'woaiwojia', 'woaimama', 'woaibaobao', 'wodemima', 'mima', 'mima123',
  'mima1234', 'mimamima', 'zhang', 'wang', 'li', 'liu', 'chen', 'yang', 'huang', 'zhao', 'zhou', 'wu', 'xu',
  'sun', 'zhu', 'ma', 'hu', 'guo', 'lin', 'he', 'gao', 'luo', 'zhongguo', 'china', 'beijing', 'shanghai',
  'wuxi', 'jiangsu', 'chongqing', 'shapingba', 'nanjing', 'suzhou', 'aini1314', 'iloveu', 'caonima', 'nihao',
  'nihao123', 'xiaoming', 'xiaohong', 'laopo', 'laogong', 'baobao', 'qianqian', 'tiantian', 'dongdong',
  'huanhuan', 'xiaoxiao', 'jiajia', 'pingan', 'kuaile', 'xingfu', 'fuqi', 'zhangwei', 'wangwei', 'wangfang',
  'liwei', 'lina', 'zhangmin', 'lijing', 'wangjing', 'liuwei', 'wangli', 'zhangli', 'qq', 'qqqqqq', 'taobao',
  'weixin', 'wechat', 'alipay', 'zhifubao', 'baidu', 'tencent', 'huawei', 'xiaomi',
  // this service and its domain (an attacker's first guesses here)
  'yiliao', 'yiliaojiuzhu', 'jiuzhu', 'yibao', 'minzheng', 'shebao', 'dibao', 'tekun', 'yiyuan', 'weisheng',
  'zhengfu', 'gongzuo', 'bangong', 'guanliyuan', 'shouli', 'shenhe', 'portal', 'medical', 'assistance', 'health',
  'hospital', 'demo', 'demo2026',
];
