/**
 * Done says when each printer's sign-in lapses (90 days without sending, counted from the
 * printer's confirmed sign-in), downloads a calendar reminder in the person's language and time
 * zone, writes the same note into the setup report, and opens the troubleshooter on a lapsed
 * sign-in. In Ukrainian in Kyiv (summer time) and Traditional Chinese in Taipei (none).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import { signInLapsesOn } from '../../shared/printer-setup';
import { repoRoot } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { axeOn } from './axe';
import { resetProgress } from './helpers';
import { wordsOf, type Language } from './journey-steps';

const printer = {
  id: 'practice:et-2850',
  name: 'EPSON ET-2850 Series',
  model: 'ET-2850 Series',
  vendor: 'epson' as const,
  addresses: ['127.0.0.1'],
  webConfigUrl: null,
  firmwareVersion: null,
};

/** A long date as the page's own Intl writes it (what the wizard shows). */
const pageDay = (page: Page, day: string, language: string): Promise<string> =>
  page.evaluate(
    ([isoDay, tag]) =>
      new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${isoDay}T00:00:00Z`),
      ),
    [day, language] as const,
  );

function minusDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

const cases: { language: Language; timeZone: string }[] = [
  { language: 'uk', timeZone: 'Europe/Kyiv' },
  { language: 'zh-TW', timeZone: 'Asia/Taipei' },
];

for (const { language, timeZone } of cases) {
  test.describe(`sign-in lapse on Done in ${language}`, () => {
    test.use({ timezoneId: timeZone, locale: language });

    test(`shows the date, downloads a reminder in ${timeZone} and explains a lapse`, async ({
      page,
      wizard,
      request,
    }) => {
      const w = wordsOf(language);
      // The printer was confirmed signed in 10 days ago.
      const signedInAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
      const lapsesOn = signInLapsesOn(signedInAt);
      const checkOn = minusDays(lapsesOn, 7);
      await resetProgress(request, wizard, {
        language,
        step: 'done',
        visited: ['welcome', 'done'],
        printers: [printer],
        printerSetup: {
          [printer.id]: {
            signedIn: { state: 'passed', at: signedInAt, summary: 'admin@contoso.example' },
            answers: {},
            statusSheet: null,
          },
        },
      });
      await openWizard(page, wizard);
      await expect(
        page.getByRole('heading', { level: 2, name: w('common:steps.done.title') }),
      ).toBeVisible();

      const date = await pageDay(page, lapsesOn, language);
      const from = await pageDay(page, signedInAt.slice(0, 10), language);
      const note = page.getByTestId('sign-in-lapse');
      await expect(note).toContainText(
        w('printer:lapse.basis.signed-in', { printer: printer.name, date, from }),
      );
      await expect(note.locator('[data-basis="signed-in"]')).toHaveCount(1);
      // The rule is said with the number through the language's plural form (uk: "90 днів").
      await expect(note).toContainText(language === 'uk' ? '90 днів' : '90 天');
      // The zone as the browser names it (Chromium may still say Europe/Kiev for Europe/Kyiv).
      const zoneName = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      expect([timeZone, 'Europe/Kiev']).toContain(zoneName);
      await expect(note).toContainText(`(${zoneName})`);
      // No sentence ends on a date's own full stop twice ("2027 р..").
      await expect(note).not.toContainText('..');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: w('printer:lapse.remind') }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`printer-sign-in-reminder-${checkOn}.ics`);
      const file = path.join(repoRoot, 'artifacts', `sign-in-reminder-${language}.ics`);
      await download.saveAs(file);
      await expect(page.getByTestId('reminder-saved')).toContainText(download.suggestedFilename());
      const axe = await axeOn(page).analyze();
      expect(axe.violations, JSON.stringify(axe.violations, null, 1)).toEqual([]);
      await screenshot(page, `${language}/done-sign-in-lapse`);

      const ics = readFileSync(file, 'utf8');
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      const calendar = new ICAL.Component(ICAL.parse(ics));
      const zone = calendar.getFirstSubcomponent('vtimezone');
      expect(zone?.getFirstPropertyValue('tzid')).toBe(timeZone);
      if (zone) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
      const vevent = calendar.getFirstSubcomponent('vevent');
      if (!vevent) throw new Error('no event in the reminder');
      const event = new ICAL.Event(vevent);
      expect(event.startDate.zone?.tzid).toBe(timeZone);
      expect(event.startDate.toString()).toBe(`${checkOn}T09:00:00`);
      expect(event.summary).toBe(w('printer:reminder.summary', { printer: printer.name, date }));
      expect(vevent.getFirstProperty('summary')?.getParameter('language')).toBe(language);
      expect(event.description).toContain(
        w('printer:reminder.description', { printer: printer.name, date }),
      );
      expect(vevent.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe(
        'DISPLAY',
      );

      // The setup report carries the same note.
      const [report] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: w('printer:done.saveReport') }).click(),
      ]);
      const reportFile = path.join(repoRoot, 'artifacts', `setup-report-lapse-${language}.html`);
      await report.saveAs(reportFile);
      const html = readFileSync(reportFile, 'utf8');
      expect(html).toContain(date);
      expect(html).toContain(w('printer:lapse.ifLapsed').slice(0, 20));

      // If it did lapse: the troubleshooter opens on the explanation.
      await page.getByRole('button', { name: w('printer:lapse.troubleshoot') }).click();
      await expect(
        page.getByText(w('troubleshoot:problems.printer-sign-in-lapsed.title')),
      ).toBeVisible();
      await screenshot(page, `${language}/troubleshoot-sign-in-lapsed`);
    });
  });
}
