import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '备案整改门户', template: '%s · 备案整改门户' },
  description: 'ICP 备案信息专项核查整改自助门户',
  icons: { icon: [{ url: '/favicon.ico', sizes: '32x32' }, { url: '/favicon.svg', type: 'image/svg+xml' }], apple: '/apple-touch-icon.png' },
  // Filers' data sits behind sign-in; the sign-in page itself has no reason to be indexed either.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        {/* Controls that only JavaScript can work (such as a 修改 toggle) are hidden without it; their plain-form stand-in shows instead. */}
        <noscript>
          <style>{'.js-only{display:none !important}'}</style>
        </noscript>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          跳到主要内容
        </a>
        {children}
      </body>
    </html>
  );
}
