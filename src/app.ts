import { agreementJobHandlers, scheduleRenewals } from './agreements/jobs.ts';
import { consultationMailer } from './concerns/consultationMailer.ts';
import { sponsorDigestMailer } from './digests/consumer.ts';
import { scheduleSponsorDigests, sponsorDigestJobHandlers } from './digests/jobs.ts';
import { contributionsJobHandlers, scheduleRepositorySyncs } from './contributions/jobs.ts';
import { payrollJobHandlers, schedulePayroll } from './finance/payroll/jobs.ts';
import { cycleAdvanceHandler, pollJobHandlers } from './governance/jobs.ts';
import { agreementInvoicingConsumer } from './invoicing/agreementConsumer.ts';
import { pipelineAgreementsConsumer } from './pipeline/agreementConsumer.ts';
import { invoiceSendingConsumer } from './invoicing/sending/sendingConsumer.ts';
import { mailTransport } from './invoicing/sending/transports.ts';
import { invoicingJobHandlers, scheduleReminders } from './invoicing/jobs.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import type { App } from './platform/http/context.ts';
import { buildServer } from './platform/http/server.ts';
import { startWorker, type JobHandler, type Worker } from './platform/jobs.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { createDispatcher, type Consumer } from './platform/dispatcher.ts';
import { mailConsumer, mailDeliveryHandler } from './platform/mail.ts';
import { purgeExpired, scheduleMaintenance } from './platform/maintenance.ts';
import { loadSecrets } from './platform/secrets.ts';
import { requestMailConsumer } from './requests/mailConsumer.ts';
import { routeModules } from './routes.ts';
import { serviceLevelsConsumer } from './servicelevels/consumer.ts';
import {
  serviceCreditsConsumer,
  serviceCreditNotesConsumer,
} from './servicelevels/credits/consumer.ts';
import { scheduleClockChecks, serviceLevelJobHandlers } from './servicelevels/jobs.ts';
import { digestJobHandler, digestJobKind, scheduleDigests } from './todo/jobs.ts';
import { webhookDeliveryHandler, webhooksConsumer } from './webhooks/delivery.ts';
import { signAllHeads, transparencyConsumer } from './transparency/consumer.ts';
import { loadLogSigner } from './transparency/signingKey.ts';

export function jobHandlers(config: Config): Record<string, JobHandler> {
  return {
    'mail.deliver': mailDeliveryHandler(config.SMTP_URL, config.MAIL_FROM),
    'maintenance.purge': purgeExpired,
    'cycle.advance': cycleAdvanceHandler(config.publicUrl),
    ...pollJobHandlers(config.publicUrl, loadSecrets(config)),
    ...payrollJobHandlers(),
    [digestJobKind]: digestJobHandler(config.publicUrl),
    ...agreementJobHandlers(config.publicUrl),
    ...contributionsJobHandlers(config.dataDir),
    ...invoicingJobHandlers(config.publicUrl),
    ...serviceLevelJobHandlers(config.publicUrl),
    ...sponsorDigestJobHandlers(config.publicUrl),
    'webhook.deliver': webhookDeliveryHandler({
      allowPrivate: config.COOP_WEBHOOKS_ALLOW_PRIVATE,
      publicUrl: config.publicUrl,
    }),
  };
}

/** What follows the event log, each with its own cursor: the dispatcher feeds them. */
export function eventConsumers(config: Config, log?: Logger): Consumer[] {
  return [
    mailConsumer(config.SMTP_URL, config.MAIL_FROM),
    webhooksConsumer(),
    transparencyConsumer({ signer: loadLogSigner(config), publicUrl: config.publicUrl, log }),
    agreementInvoicingConsumer(config.publicUrl),
    pipelineAgreementsConsumer(),
    invoiceSendingConsumer({ mail: mailTransport(config.SMTP_URL, config.MAIL_FROM) }),
    serviceLevelsConsumer(config.publicUrl),
    serviceCreditsConsumer(config.publicUrl),
    serviceCreditNotesConsumer(config.publicUrl),
    requestMailConsumer(config.publicUrl),
    consultationMailer(config.publicUrl, config.MAIL_REPLY_TO),
    sponsorDigestMailer(config.publicUrl),
  ];
}

/** The job worker with the event dispatcher in its loop, started or left for a test to drain. */
export function startBackgroundWork(
  database: Database,
  config: Config,
  log: Logger,
  options: { autostart?: boolean } = {},
): Worker {
  const dispatcher = createDispatcher(database.db, eventConsumers(config, log), log);
  return startWorker(database.db, jobHandlers(config), log, { ...options, dispatcher });
}

export interface RunningApp {
  app: App;
  database: Database;
  worker: Worker | undefined;
  log: Logger;
  url: string;
  /** "Now" for the requests this app serves. */
  clock: Clock;
  close(): Promise<void>;
}

/** The whole co-op in one process: database, HTTP server and job worker. */
export async function startApp(
  config: Config,
  options: { listen?: boolean; clock?: Clock } = {},
): Promise<RunningApp> {
  const log = createLogger(config.COOP_LOG);
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    holder: `coop serve on ${config.HOST}:${config.PORT}`,
  });
  const clock = options.clock ?? systemClock;
  const app = await buildServer(
    { database, config, clock, secrets: loadSecrets(config) },
    routeModules,
    log,
  );
  let worker: Worker | undefined;
  let maintenance: NodeJS.Timeout | undefined;
  if (config.COOP_JOBS) {
    worker = startBackgroundWork(database, config, log);
    // The log signs a checkpoint after each batch; hourly, any head left unsigned (a key
    // installed later, a failed signing) is signed, and a quiet log's head signed again.
    const signer = loadLogSigner(config);
    const signHeads = (db: Database['db']) =>
      signAllHeads(db, { signer, publicUrl: config.publicUrl, log, clock });
    const schedules = [
      scheduleMaintenance,
      schedulePayroll,
      scheduleDigests,
      scheduleRenewals,
      scheduleRepositorySyncs,
      scheduleClockChecks,
      scheduleSponsorDigests,
      signHeads,
      (db: Database['db']) => scheduleReminders(db),
    ];
    for (const schedule of schedules) await schedule(database.db);
    maintenance = setInterval(() => {
      for (const schedule of schedules)
        schedule(database.db).catch((error: unknown) =>
          log.error({ err: String(error) }, 'scheduling failed'),
        );
    }, 3600_000);
    maintenance.unref();
  }
  let url = config.publicUrl;
  if (options.listen !== false) {
    url = await app.listen({ host: config.HOST, port: config.PORT });
  }
  return {
    app,
    database,
    worker,
    log,
    url,
    clock,
    async close() {
      if (maintenance) clearInterval(maintenance);
      await app.close();
      await worker?.stop();
      await database.close();
    },
  };
}
