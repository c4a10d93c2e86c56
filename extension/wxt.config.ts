import react from '@vitejs/plugin-react';
import { defineConfig } from 'wxt';
import { CHUNK_SIZE_WARNING_KB, onRollupWarning } from './build-warnings';
import rootPackage from '../package.json' with { type: 'json' };
import extensionKey from './extension-key.json' with { type: 'json' };

/**
 * `npm run build` makes the unpacked extension (.output/chrome-mv3); `npm run zip` builds in the
 * `store` mode (.output/chrome-mv3-store) and zips it for the Chrome Web Store.
 */
export default defineConfig({
  vite: () => ({ plugins: [react()], build: { chunkSizeWarningLimit: CHUNK_SIZE_WARNING_KB, rollupOptions: { onwarn: onRollupWarning } } }),
  zip: { name: 'kafka-inspector' },
  manifest: ({ mode }) => ({
    name: 'Kafka Inspector',
    description: 'See and shape what flows through Apache Kafka from DevTools: browse topics, tail live, produce, watch groups.',
    // One version for the whole product: the root package.json, which the companion's is kept equal to.
    version_name: rootPackage.version,
    // A fixed public key gives the unpacked extension a stable id, which the companion allows as an
    // Origin. The store refuses a manifest with "key" (it signs with its own), so the zip leaves it
    // out; README "Publishing the extension" says how the store's key becomes this one.
    ...(mode === 'store' ? {} : { key: extensionKey.key }),
    // Each permission is justified in README "Permissions"; a test keeps that list and the zip equal.
    permissions: ['storage', 'nativeMessaging'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  }),
});
