import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import { queryRows } from '../platform/db/rows.ts';
import {
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { stageDue } from './dunning.ts';
import { configureSeller, frenchBuyer, issue, line } from './testing/fixtures.ts';

const stages = [
  { afterDays: 7, label: 'Reminder' },
  { afterDays: 21, label: 'Second reminder' },
  { afterDays: 35, label: 'Final notice' },
];

describe('dunning stages', () => {
  it('gives the latest stage reached that was not sent, never an earlier one again', () => {
    expect(stageDue(stages, '2027-03-01', '2027-03-07', [])).toBeNull();
    expect(stageDue(stages, '2027-03-01', '2027-03-08', [])).toEqual({
      stage: 0,
      label: 'Reminder',
    });
    expect(stageDue(stages, '2027-03-01', '2027-03-20', [0])).toBeNull();
    expect(stageDue(stages, '2027-03-01', '2027-04-10', [])).toEqual({
      stage: 2,
      label: 'Final notice',
    });
    expect(stageDue(stages, '2027-03-01', '2027-04-10', [2])).toBeNull();
  });
});

describe('reminders for overdue invoices', () => {
  let app: TestApp;
  let admin: TestClient;
  const clock = manualClock('2027-03-01T09:00:00Z');

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    await configureSeller(admin, { dunningStages: stages, paymentTermsDays: 14 });
  });
  afterAll(() => app.stop());

  const outbox = () =>
    queryRows<{ to_address: string; subject: string; body: string }>(
      app.database.db,
      sql`select to_address, subject, body from outbox where kind = 'invoice-reminder' order by created_at`,
    );
  const run = async () =>
    (await admin.post<{ sent: number }>('/api/invoicing/reminders', {})).body.sent;

  it('sends each stage once, to the billing contact, pausing disputed and paid invoices', async () => {
    const late = await issue(admin, { lines: [line('100.00')] });
    const disputed = await issue(admin, { lines: [line('200.00')] });
    const paid = await issue(admin, { lines: [line('300.00')] });
    await admin.post(`/api/invoices/${disputed.id}/dispute`, {
      disputed: true,
      reason: 'wrong hours',
    });
    await admin.post(`/api/invoices/${paid.id}/payments`, {
      amount: '357.00',
      receivedOn: '2027-03-05',
    });

    clock.set('2027-03-21T09:00:00Z'); // due 03-15, day 6: nothing yet
    expect(await run()).toBe(0);
    clock.set('2027-03-22T09:00:00Z'); // day 7
    expect(await run()).toBe(1);
    expect(await run()).toBe(0);
    const [first] = await outbox();
    expect(first).toMatchObject({
      to_address: 'ap@acme.test',
      subject: `Reminder: invoice ${late.number} is overdue`,
    });
    expect(first!.body).toMatch(/€119\.00 is still open/);
    expect(first!.body).not.toMatch(/late fee/);

    clock.set('2027-04-20T09:00:00Z'); // day 36: the final notice, not the second reminder too
    await admin.signIn(adminCredentials.email, { password: adminCredentials.password });
    await admin.get('/api/session');
    await configureSeller(admin, { lateFee: '40.00' });
    expect(await run()).toBe(1);
    const mails = await outbox();
    expect(mails.map((m) => m.subject)).toEqual([
      `Reminder: invoice ${late.number} is overdue`,
      `Final notice: invoice ${late.number} is overdue`,
    ]);
    expect(mails[1]!.body).toMatch(/late fee of €40\.00/);

    // The dispute over, its reminders resume.
    await admin.post(`/api/invoices/${disputed.id}/dispute`, { disputed: false });
    expect(await run()).toBe(1);
    const calendar = await admin.get<{
      invoices: { number: string; stages: { sentOn: string | null }[] }[];
    }>('/api/invoicing/dunning');
    expect(
      calendar.body.invoices.find((i) => i.number === late.number)!.stages.map((s) => s.sentOn),
    ).toEqual(['2027-03-22', null, '2027-04-20']);
  });

  it('writes to a German-speaking buyer in formal German, amounts and days in its format', async () => {
    const invoice = await issue(admin, { buyer: frenchBuyer, lines: [line('1000.00')] });
    const detail = await admin.get<{ organization: { id: string } }>(`/api/invoices/${invoice.id}`);
    const org = detail.body.organization.id;
    expect((await admin.patch(`/api/organizations/${org}`, { locale: 'de' })).status).toBe(204);
    clock.set('2027-05-28T09:00:00Z'); // long past its due date
    await admin.signIn(adminCredentials.email, { password: adminCredentials.password });
    expect(await run()).toBe(1);
    const german = (await outbox()).find((m) => m.subject.includes(invoice.number!))!;
    // The stage's name is the co-op's own, as its settings spell it.
    expect(german.subject).toMatch(
      new RegExp(`^\\w[\\w ]*: Rechnung ${invoice.number} ist überfällig$`),
    );
    expect(german.body).toContain('Sehr geehrte Damen und Herren,');
    expect(german.body).toMatch(/war am \d\d\.\d\d\.2027 fällig; 1\.190,00 € sind noch offen\./);
    expect(german.body).toContain('Bitte überweisen Sie');
    expect(german.body).toContain('Mahngebühr von 40,00 €');
    expect(german.body).not.toMatch(/is still open/);
  });
});
