import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto('http://127.0.0.1:4303/?data=/events-100k.json');
await page.getByTestId('event-count').filter({ hasText: '100,000 events' }).or(page.getByTestId('event-count').filter({ hasText: '100000 events' })).waitFor({ timeout: 120000 });
await page.waitForTimeout(3000);
const mode = process.argv[2] ?? 'window';
await page.getByLabel('Mode').selectOption(mode);
await page.getByLabel('Speed').selectOption('span30');
await page.waitForTimeout(1000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.evaluate(`window.__f = []; (function loop(t) { window.__f.push(t); if (window.__f.length < 2000) requestAnimationFrame(loop); })(performance.now())`);
await page.getByTestId('playback-play').click();
await page.waitForTimeout(4000);
const frames: number[] = await page.evaluate(`window.__f`);
await page.getByTestId('playback-play').click();
const { profile } = await cdp.send('Profiler.stop');
const gaps = frames.slice(1).map((f, i) => f - frames[i]!).sort((a, b) => a - b);
console.log('frames', gaps.length, 'median', gaps[gaps.length >> 1]?.toFixed(1), 'p95', gaps[Math.floor(gaps.length * 0.95)]?.toFixed(1));
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas as number[];
const counts = new Map<number, number>();
profile.samples.forEach((id: number, i: number) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) { const n: any = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + us); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', (total / 1000).toFixed(0));
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((us / 1000).toFixed(1).padStart(8), k);
const parent = new Map<number, number>();
for (const n of profile.nodes as any[]) for (const c of n.children ?? []) parent.set(c, n.id);
const chains = new Map<string, number>();
for (const [id, us] of counts) {
  const n: any = byId.get(id);
  if (!['getClientRects', 'getBoundingClientRect'].includes(n.callFrame.functionName)) continue;
  const chain: string[] = [];
  let p = parent.get(id);
  for (let k = 0; k < 7 && p !== undefined; k++) { const q: any = byId.get(p); chain.push(`${q.callFrame.functionName || '(anon)'}:${q.callFrame.lineNumber}:${q.callFrame.columnNumber}`); p = parent.get(p); }
  const key = n.callFrame.functionName + ' <- ' + chain.join(' <- ');
  chains.set(key, (chains.get(key) ?? 0) + us);
}
for (const [k, us] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log((us / 1000).toFixed(1).padStart(8), k);
await browser.close();
