import { launchChromium } from '../test/helpers/chromium';
import { kcatProduce } from './baselines';
import { fillTopic, kafka, type BenchBroker } from './broker';
import type { CompanionProcess } from './companion-process';
import { median, percentile, type Row } from './stats';

const RECORDS = Number(process.env.BENCH_PANEL_RECORDS ?? 100_000);

/**
 * Measurements 5 and 6, in real Chromium on the standalone page (the same app as the panel):
 * appending and filtering 100k held records, long tasks while 1,000 records/s stream in, frame
 * times while scrolling, and "send N copies" against kcat -P.
 */
export async function measurePanel(broker: BenchBroker, companion: CompanionProcess, runs: number): Promise<Row[]> {
  const topic = await broker.createTopic('panel', 8);
  const producer = kafka(broker.brokers).producer();
  await producer.connect();
  await fillTopic(producer, topic, RECORDS, 120, true);

  const browser = await launchChromium();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  // Hold all of them: the default buffer (50,000) would drop half.
  await page.addInitScript((size) => localStorage.setItem('kafka-inspector:preferences', JSON.stringify({ state: { preferences: { bufferSize: size, activeTab: 'tail' } }, version: 0 })), RECORDS);
  await page.goto(`${companion.url}/#token=${companion.token}`);
  await page.waitForSelector('[data-testid=connection-status][data-status=open]');
  await page.click('[data-testid=tab-tail]');

  const appendMs: number[] = [];
  const filterMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.fill('[data-testid=tail-topic-input]', topic);
    await page.selectOption('[data-testid=tail-start]', 'earliest');
    // Start from an empty view: the last run's "shown 100000" must not end this run's wait early.
    await emptyView(page);
    const started = await page.evaluate(() => performance.now());
    await page.click('[data-testid=tail-start-button]');
    await page.waitForFunction((n) => document.querySelector('[data-testid=tail-shown]')?.textContent?.replace(/,/g, '').includes(`shown ${n}`), RECORDS, { timeout: 120_000, polling: 'raf' });
    appendMs.push((await page.evaluate(() => performance.now())) - started);
    for (const needle of ['"id":"evt-000001"', 'order.created', 'no-such-text']) filterMs.push(await timeQuickFilter(page, needle));
    await timeQuickFilter(page, '');
  }

  // Long tasks while 1,000 records/s stream into a live tail.
  const liveTopic = await broker.createTopic('panel-live', 4);
  await page.fill('[data-testid=tail-topic-input]', liveTopic);
  await page.selectOption('[data-testid=tail-start]', 'latest');
  await page.click('[data-testid=tail-start-button]');
  await page.waitForSelector('[data-testid=tail-status][data-status=caught-up]');
  // Long tasks (the browser reports only those over 50 ms), and every gap between animation
  // frames, which shows the margin when there are none.
  await page.evaluate(`(() => {
    window.__long = [];
    window.__gaps = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
    let last = performance.now();
    const step = (now) => {
      window.__gaps.push(now - last);
      last = now;
      if (!window.__stopGaps) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })()`);
  const seconds = 10;
  for (let s = 0; s < seconds * 10; s++) {
    await producer.send({ topic: liveTopic, acks: 1, messages: Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ n: s * 100 + i, at: Date.now(), pad: 'x'.repeat(80) }) })) });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { longTasks, gaps } = (await page.evaluate('(window.__stopGaps = true, { longTasks: window.__long, gaps: window.__gaps.slice(1) })')) as { longTasks: number[]; gaps: number[] };

  // Frame times while scrolling the 100k-record table.
  await page.fill('[data-testid=tail-topic-input]', topic);
  await page.selectOption('[data-testid=tail-start]', 'earliest');
  await page.click('[data-testid=tail-start-button]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=tail-shown]')?.textContent?.replace(/,/g, '').includes(`shown ${n}`), RECORDS, { timeout: 120_000 });
  // Scripts for the page are strings: the bench runs through tsx, whose helpers do not exist there.
  const frames = (await page.evaluate(`(async () => {
    const scroller = document.querySelector('[data-testid=records-scroll]');
    const times = [];
    let last = performance.now();
    const end = last + 3000;
    await new Promise((resolve) => {
      const step = (now) => {
        times.push(now - last);
        last = now;
        scroller.scrollTop += 400;
        if (now < end) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return times.slice(1);
  })()`)) as number[];

  // "Send N copies" of a 120-byte JSON record, vs kcat -P with the same records.
  const copies = 10_000;
  const produceTopic = await broker.createTopic('panel-produce', 4);
  const value = JSON.stringify({ id: 'evt-000001', type: 'order.created', amount: 42.5, pad: 'p'.repeat(60) });
  const panelProduceMs: number[] = [];
  const kcatProduceMs: number[] = [];
  await page.click('[data-testid=tab-produce]');
  for (let run = 0; run < runs; run++) {
    await page.fill('[data-testid=produce-topic]', produceTopic);
    await page.fill('[data-testid=produce-value]', value);
    await page.fill('[data-testid=produce-copies]', String(copies));
    const t0 = await page.evaluate(() => performance.now());
    await page.click('[data-testid=produce-send]');
    // The previous run's result disappears when sending starts; then wait for this run's.
    await page.waitForFunction(() => !document.querySelector('[data-testid=produce-result]'), undefined, { polling: 'raf' });
    await page.waitForFunction((n) => document.querySelector('[data-testid=produce-result]')?.textContent?.includes(`Sent ${n} records`), copies, { timeout: 120_000, polling: 'raf' });
    panelProduceMs.push((await page.evaluate(() => performance.now())) - t0);
    kcatProduceMs.push(await kcatProduce(broker.brokers, produceTopic, copies, value));
  }
  await browser.close();
  await producer.disconnect();

  const filter = median(filterMs);
  const maxLong = longTasks.length ? Math.max(...longTasks) : 0;
  const panelRate = copies / (median(panelProduceMs) / 1000);
  const kcatRate = copies / (median(kcatProduceMs) / 1000);
  const label = `panel (Chromium), ${RECORDS.toLocaleString('en-US')} records held`;
  return [
    { measurement: label, subject: 'append all to the tail view (from tailStart)', value: median(appendMs), unit: 'ms', runs },
    { measurement: label, subject: 'quick filter over all held', value: filter, unit: 'ms', goal: '< 100 ms', met: filter < 100, runs: filterMs.length },
    { measurement: label, subject: 'scroll: frame time p95', value: percentile(frames, 95), unit: 'ms' },
    { measurement: label, subject: 'scroll: frame time max', value: Math.max(...frames), unit: 'ms' },
    { measurement: `panel, live tail at 1,000 records/s for ${seconds} s`, subject: 'long tasks (over 50 ms)', value: longTasks.length, unit: 'count', goal: 'none > 50 ms', met: longTasks.length === 0 },
    { measurement: `panel, live tail at 1,000 records/s for ${seconds} s`, subject: 'longest task (0: none over 50 ms)', value: maxLong, unit: 'ms' },
    { measurement: `panel, live tail at 1,000 records/s for ${seconds} s`, subject: 'gap between animation frames p99', value: percentile(gaps, 99), unit: 'ms' },
    { measurement: `panel, live tail at 1,000 records/s for ${seconds} s`, subject: 'gap between animation frames max', value: Math.max(...gaps), unit: 'ms' },
    { measurement: `produce ${copies.toLocaleString('en-US')} copies`, subject: 'panel "send N copies"', value: panelRate, unit: 'records/s', runs },
    { measurement: `produce ${copies.toLocaleString('en-US')} copies`, subject: 'kcat -P', value: kcatRate, unit: 'records/s', ratio: panelRate / kcatRate, runs },
  ];
}

/** Time from typing into the quick filter to the next painted frame, in the page's own clock. */
async function timeQuickFilter(page: import('playwright-core').Page, needle: string): Promise<number> {
  return (await page.evaluate(`(async () => {
    const input = document.querySelector('[data-testid=quick-filter]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const started = performance.now();
    setter.call(input, ${JSON.stringify(needle)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - started;
  })()`)) as number;
}

/** Stops the running tail and clears what it holds, then waits for the view to show none. */
async function emptyView(page: import('playwright-core').Page): Promise<void> {
  if (await page.isEnabled('[data-testid=tail-stop]')) await page.click('[data-testid=tail-stop]');
  if (await page.isEnabled('[data-testid=tail-clear]')) await page.click('[data-testid=tail-clear]');
  await page.waitForFunction(() => /shown 0\b/.test(document.querySelector('[data-testid=tail-shown]')?.textContent ?? ''), undefined, { polling: 'raf' });
}
