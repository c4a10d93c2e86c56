import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Bridge } from '../bridge/client';
import { loadPairing, type Mode, preferredTheme } from '../bridge/platform';
import { openInspectedPage } from '../devtools/chrome-inspected-page';
import { createInspectorStore, type InspectorStore, wireBridge } from '../store';
import { App } from './App';
import { OptionsPage } from './OptionsPage';
import { ModeContext, StoreContext } from './store-context';
import './theme.css';

/** Mounts the panel (extension) or the page (standalone) and pairs with a stored token, if any. */
export function mountApp(root: HTMLElement, mode: Mode): void {
  document.documentElement.dataset.theme = preferredTheme();
  const store = connectedStore();
  const inspected = openInspectedPage(mode);
  store.getState().attachInspectedPage(inspected);
  // DevTools' theme can change while the panel is open (Settings > Appearance): follow it.
  if (!('reason' in inspected)) inspected.onTheme((theme) => (document.documentElement.dataset.theme = theme));
  else followSystemTheme();
  createRoot(root).render(
    <StrictMode>
      <ModeContext.Provider value={mode}>
        <StoreContext.Provider value={store}>
          <App />
        </StoreContext.Provider>
      </ModeContext.Provider>
    </StrictMode>,
  );
  void loadPairing(mode).then((pairing) => {
    if (pairing) void store.getState().connect(pairing.url, pairing.token);
  });
}

export function mountOptions(root: HTMLElement): void {
  document.documentElement.dataset.theme = preferredTheme();
  followSystemTheme();
  const store = connectedStore();
  createRoot(root).render(
    <StrictMode>
      <ModeContext.Provider value="extension">
        <StoreContext.Provider value={store}>
          <OptionsPage />
        </StoreContext.Provider>
      </ModeContext.Provider>
    </StrictMode>,
  );
}

/** Outside DevTools (the standalone page, the options page) the system's light/dark can change while open: follow it. */
function followSystemTheme(): void {
  globalThis.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => (document.documentElement.dataset.theme = preferredTheme()));
}

/** The page's one bridge and store, wired once; the page going away closes the socket and unlistens. */
function connectedStore(): InspectorStore {
  const bridge = new Bridge();
  const store = createInspectorStore(bridge);
  const unwire = wireBridge(store, bridge);
  addEventListener(
    'pagehide',
    () => {
      unwire();
      bridge.shutdown();
    },
    { once: true },
  );
  return store;
}
