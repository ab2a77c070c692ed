import net from 'node:net';

/**
 * What to tell the operator when the port is taken, or null when it is free. Checked before anything else so that
 * the server does not migrate and load the demo first, then die on `listen` with Node's bare EADDRINUSE trace.
 * Port 0 (any free port) is always free. A program binding the port between this check and the real listen
 * still meets the plain error.
 */
export async function portTakenMessage(host: string, port: number): Promise<string | null> {
  if (port === 0) return null;
  return new Promise<string | null>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EADDRINUSE') return reject(err);
      resolve(
        `端口 ${port} 已被占用：也许另一个 Youshe 正在运行。请先停止它，或换一个端口：PORT=${port + 1} npm start\n` +
          `port ${port} is in use, perhaps by another Youshe server: stop it, or choose another port (PORT=${port + 1} npm start)`,
      );
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}
