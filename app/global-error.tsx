'use client';

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
        <h1>抱歉，网站暂时出了问题</h1>
        <p>请稍后刷新页面再试。{error.digest ? `问题编号：${error.digest}` : null}</p>
      </body>
    </html>
  );
}
