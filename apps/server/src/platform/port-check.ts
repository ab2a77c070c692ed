import net from 'node:net';

/**
 * Fails at once, with a message that says what to do, when the port is taken: otherwise the server would migrate
 * and load the demo first, then die on `listen` with Node's bare EADDRINUSE trace. Port 0 (any free port) passes.
 * There is a moment between this check and the real listen; a program binding the port in that moment still
 * meets the plain error.
 */
export async function ensurePortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EADDRINUSE') return reject(err);
      reject(
        new Error(
          `端口 ${port} 已被占用：也许另一个 Youshe 正在运行。请先停止它，或换一个端口：PORT=${port + 1} npm start\n` +
            `port ${port} is in use, perhaps by another Youshe server: stop it, or choose another port (PORT=${port + 1} npm start)`,
        ),
      );
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
