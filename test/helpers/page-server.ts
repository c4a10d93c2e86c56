import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  /** `http://127.0.0.1:PORT/`: another origin than the companion's. */
  url: string;
  close(): void;
}

/** Serves one HTML page on a free loopback port: the "site the user happens to visit" of the security tests. */
export async function servePage(html: string): Promise<PageServer> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}
