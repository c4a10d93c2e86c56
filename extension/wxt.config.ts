import react from '@vitejs/plugin-react';
import { defineConfig } from 'wxt';
import extensionKey from './extension-key.json' with { type: 'json' };

// @wxt-dev/module-react needs Vite 8 (Node 22); the plain React plugin does the same job on Vite 7.
export default defineConfig({
  vite: () => ({ plugins: [react()] }),
  manifest: {
    name: 'Kafka Inspector',
    description: 'See and shape what flows through Apache Kafka from DevTools: browse topics, tail live, produce, watch groups.',
    // A fixed public key gives the unpacked extension a stable id, which the companion allows as an Origin.
    key: extensionKey.key,
    permissions: ['storage'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  },
});
