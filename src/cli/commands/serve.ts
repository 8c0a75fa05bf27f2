import { startApp } from '../../app.ts';
import { loadConfig } from '../../platform/config.ts';

/** `coop serve`: the web app, API and jobs until SIGINT or SIGTERM. */
export async function serve(): Promise<void> {
  const running = await startApp(loadConfig());
  running.log.info(`Hackers Co-op on ${running.url} (database: ${running.database.kind})`);
  const stop = async (signal: string) => {
    running.log.info(`${signal}: shutting down`);
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
