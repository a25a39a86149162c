'use client';

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'sans-serif', textAlign: 'center', padding: '5rem 1rem' }}>
        <h1>页面暂时无法显示</h1>
        <p>系统繁忙，请稍后重试。</p>
        <button type="button" onClick={reset}>重试</button>
      </body>
    </html>
  );
}
