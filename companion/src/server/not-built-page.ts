/** Served at `/` when the UI has not been built: says how to get it, in the product's own look. */
export function notBuiltPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kafka Inspector</title>
<style>
  body { font: 14px/1.5 system-ui, sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: #f6f7f9; color: #1d2330; }
  main { max-width: 34rem; padding: 2rem; background: #fff; border: 1px solid #dde1e8; border-radius: 10px; }
  code { background: #eef1f5; padding: .1rem .35rem; border-radius: 4px; }
  @media (prefers-color-scheme: dark) { body { background: #15181e; color: #e3e6eb; } main { background: #1d2129; border-color: #2c323d; } code { background: #2a303b; } }
</style></head>
<body><main>
  <h1>Kafka Inspector</h1>
  <p>The companion is running, but the web UI has not been built yet.</p>
  <p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload this page.</p>
</main></body></html>`;
}
