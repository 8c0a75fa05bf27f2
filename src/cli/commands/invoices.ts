import fs from 'node:fs';
import { invoiceByNumber } from '../../invoicing/repository.ts';
import { createInvoice } from '../../invoicing/commands/createInvoice.ts';
import { saveInvoicingSettings } from '../../invoicing/commands/saveInvoicingSettings.ts';
import { sendInvoice } from '../../invoicing/commands/sendInvoice.ts';
import { exportInvoice, type ExportFormat } from '../../invoicing/documents/exportInvoice.ts';
import { listInvoices } from '../../invoicing/queries.ts';
import { operatorActor } from '../../platform/actor.ts';
import { systemClock } from '../../platform/clock.ts';
import { runCommand } from '../../platform/commands.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { requireCoopId, withDatabase } from '../database.ts';

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw badRequest(`${file} is not JSON: ${(error as Error).message}`);
  }
};

/** `coop invoices settings FILE.json`. */
export async function invoicingSettingsCommand(file: string): Promise<void> {
  const input = readJson(file);
  await withDatabase('invoices settings', async (database, config) => {
    const saved = await runCommand(saveInvoicingSettings, input as never, {
      db: database.db,
      actor: operatorActor(await requireCoopId(database)),
      publicUrl: config.publicUrl,
    });
    const { lateFeeMinor, ...rest } = saved;
    console.log(
      JSON.stringify({ ...rest, lateFeeMinor: lateFeeMinor?.toString() ?? null }, null, 2),
    );
  });
}

/** `coop invoices create FILE.json`: prints {"id","number"}. */
export async function createInvoiceFromFile(file: string): Promise<void> {
  const input = readJson(file);
  await withDatabase('invoices create', async (database, config) => {
    const result = await runCommand(createInvoice, input as never, {
      db: database.db,
      actor: operatorActor(await requireCoopId(database)),
      publicUrl: config.publicUrl,
    });
    console.log(JSON.stringify({ id: result.id, number: result.number }));
  });
}

/** `coop invoices export NUMBER --format F [--out FILE]`. */
export async function exportInvoiceCommand(
  number: string,
  options: { format: ExportFormat; out?: string },
): Promise<void> {
  await withDatabase('invoices export', async (database) => {
    const coopId = await requireCoopId(database);
    const invoice = await invoiceByNumber(database.db, coopId, number);
    if (!invoice) throw notFound(`Invoice ${number}`);
    const file = await exportInvoice(database.db, coopId, invoice.id, options.format);
    if (options.out) fs.writeFileSync(options.out, file.content);
    else process.stdout.write(file.content);
  });
}

/** `coop invoices send NUMBER [--format F] [--to a@x,b@y]`: prints the sending. */
export async function sendInvoiceCommand(
  number: string,
  options: { format?: 'ubl' | 'xrechnung' | 'cii'; to?: string },
): Promise<void> {
  await withDatabase('invoices send', async (database, config) => {
    const coopId = await requireCoopId(database);
    const invoice = await invoiceByNumber(database.db, coopId, number);
    if (!invoice) throw notFound(`Invoice ${number}`);
    const to = options.to
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const sent = await runCommand(
      sendInvoice,
      {
        invoiceId: invoice.id,
        ...(options.format ? { format: options.format } : {}),
        ...(to ? { to } : {}),
      },
      { db: database.db, actor: operatorActor(coopId), publicUrl: config.publicUrl },
    );
    console.log(JSON.stringify(sent));
  });
}

/** `coop invoices list [--json]`. */
export async function listInvoicesCommand(options: { json?: boolean }): Promise<void> {
  await withDatabase('invoices list', async (database) => {
    const coopId = await requireCoopId(database);
    const rows = await listInvoices(database.db, operatorActor(coopId), {}, systemClock.today());
    if (options.json) {
      console.log(JSON.stringify(rows));
      return;
    }
    for (const r of rows)
      console.log(
        [
          (r.number ?? '(draft)').padEnd(16),
          r.kind === 'invoice' ? 'invoice    ' : 'credit note',
          `${r.status}${r.overdue ? ' (overdue)' : ''}`.padEnd(24),
          r.organization.name.slice(0, 30).padEnd(30),
          `${r.gross ?? '-'} ${r.currency}`.padStart(16),
          r.due === null ? '' : `due ${r.due}`,
        ].join('  '),
      );
  });
}
