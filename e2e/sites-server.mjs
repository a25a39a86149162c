// The filed websites of the demo data, played by one local server (routing by Host), so 立即自查 and
// 专项核查 website checks run in e2e without leaving the machine. Started by playwright.config.ts.
import http from 'node:http';

const page = (title, footer) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main>欢迎</main><footer>${footer}</footer></body></html>`;
const link = (num) => `<a href="https://beian.miit.gov.cn/" target="_blank">${num}</a>`;

const SITES = {
  'yunqi-tech.cn': page('云栖科技官网', link('浙ICP备2019031245号-1')),
  'yunqitech.com': page('云栖科技官网', '版权所有'),
  'dev.yunqi-tech.cn': page('Yunqi Dev Forum', link('浙ICP备2019031245号-2')),
  'wangleitravel.cn': page('王磊的旅行日记', '沪ICP备2023011156号-1'),
};

const port = Number(process.env.SITES_PORT ?? 3299);
http
  .createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0].replace(/^www\./, '');
    if (req.url === '/__health') return res.end('ok');
    const body = SITES[host];
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  })
  .listen(port, '127.0.0.1');
