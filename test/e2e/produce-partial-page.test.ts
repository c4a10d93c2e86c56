import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockBroker, startMockBroker } from '../../companion/src/demo/mock-broker';
import { isMockBroker } from '../helpers/broker';
import { type Browser, launchChromium, screenshot } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { withAdmin } from '../helpers/kafka-admin';
import { STANDALONE_DIR, watchErrors } from '../helpers/panel';

// One partition's leader down while the others are up needs several brokers and a way to stop one:
// the test broker (3 brokers here, one taken down on its control channel) has both.
describe.runIf(isMockBroker())('the Produce view while one partition\'s leader is down (test broker: 3 brokers, one taken down), in Chromium', () => {
  let mock: MockBroker;
  let companion: CompanionProcess;
  let browser: Browser;
  const topic = 'e2e-partial-produce';
  let down: Set<number>;

  beforeAll(async () => {
    expect(existsSync(`${STANDALONE_DIR}/index.html`), 'build the UI first: npm run build').toBe(true);
    mock = await startMockBroker({ brokers: 3 });
    await mock.control(`topic ${topic} 3`);
    const partitions = await withAdmin(mock.brokers, async (admin) => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions);
    const downNode = partitions.find((p) => p.partitionId === 1)!.leader;
    down = new Set(partitions.filter((p) => p.leader === downNode).map((p) => p.partitionId));
    companion = await spawnCompanion(['--brokers', mock.brokers.join(','), '--no-demo']);
    browser = await launchChromium();
    await mock.control(`down ${downNode}`);
  });

  afterAll(async () => {
    await browser?.close();
    await companion?.stop();
    await mock?.stop();
  });

  it.each(['light', 'dark'] as const)('says which copies were not written, why, and that the others were (%s)', async (scheme) => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${companion.url}/#token=${companion.token}`);
    await page.waitForSelector('[data-testid=connection-status][data-status=open]');
    await page.click('[data-testid=tab-produce]');
    await page.fill('[data-testid=produce-topic]', topic);
    // No key: the partitioner deals the copies round the 3 partitions, 2 each.
    await page.getByLabel('null key').check();
    await page.fill('[data-testid=produce-value]', '{"order":"ord-7","total":12.5}');
    await page.fill('[data-testid=produce-copies]', '6');
    await page.click('[data-testid=produce-send]');

    const failed = 2 * down.size;
    const alert = page.locator('[data-testid=produce-error]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toMatch(
      new RegExp(`^${failed} of 6 records were not written: records [1-6](, [1-6])+ failed \\(partition \\d: produce to ${topic} partition \\d: .+\\)\\. ${6 - failed} were written: sending the form again would write them twice\\.$`),
    );
    expect(await page.textContent('[data-testid=produce-result]')).toMatch(new RegExp(`^Sent ${6 - failed} records in \\d+ ms: `));
    await screenshot(page, `produce-partial-${scheme}`);

    await page.setViewportSize({ width: 420, height: 760 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `produce-partial-narrow-${scheme}`);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
