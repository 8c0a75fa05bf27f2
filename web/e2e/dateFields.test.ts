import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, BrowserHarness, ensureCoop, fillDate, settle } from './helpers.ts';

const harness = new BrowserHarness('date-fields');

beforeAll(async () => harness.start());
afterAll(async () => harness.stop());

describe('date fields in the browser', () => {
  it('send the form on Enter, and a date half erased is no date', async () => {
    await ensureCoop(harness.server.url);
    const page = await harness.pageFor(admin.email, admin.password);
    await page.goto(`${harness.server.url}/books/reports`);
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await settle(page);
    const period = page.getByRole('form', { name: 'Period' });

    // Enter in a date's parts sends the form, as it did from the browser's date input.
    await fillDate(period, 'From', '2026-02-01');
    await fillDate(period, 'To', '2026-03-31');
    await period
      .getByRole('group', { name: 'To', exact: true })
      .locator('[data-type="day"]')
      .press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe('2026-03-31');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2026-02-01');
    await settle(page);

    // The day erased: the form does not send the date still held, it asks for the day.
    const from = period.getByRole('group', { name: 'From', exact: true });
    const day = from.locator('[data-type="day"]');
    await day.click();
    await day.press('Backspace');
    await day.press('Backspace');
    await expect.poll(() => day.getAttribute('data-placeholder')).not.toBeNull();
    await day.press('Enter');
    await period.getByText('choose the first day').waitFor();
    expect(await day.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2026-02-01');

    // And so by the button, the focus leaving the field.
    await fillDate(period, 'From', '2026-01-01');
    await day.click();
    await day.press('Backspace');
    await day.press('Backspace');
    await period.getByRole('button', { name: 'Show the period' }).click();
    await period.getByText('choose the first day').waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toBe('2026-02-01');
    await harness.expectAccessible(page, 'period-half-erased');
  });
});
