import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now: the kernel picks one for a listener on 0, which is then closed. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    // Unref'd so a probe never keeps the process alive by itself.
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
