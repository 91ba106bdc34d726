import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import Bonjour from 'bonjour-service';
import type { DiscoverySnapshot } from '../../shared/printers';
import { startWizard } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { axeOn } from './axe';
import { callApi, resetProgress } from './helpers';

const practiceNames = [
  'EPSON ET-2850 Series',
  'EPSON WF-C5790 Series',
  'Brother MFC-L2750DW series',
];

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ request, wizard }) => {
  await callApi(request, wizard, 'setPracticeSwitch', { id: 'printers', value: 'three' });
  await resetProgress(request, wizard, {
    step: 'find-printer',
    visited: ['welcome', 'find-printer'],
  });
});

function printerList(page: Page, label = 'Printers found') {
  return page.getByRole('list', { name: label });
}

function printerCard(page: Page, name: string, label?: string) {
  return printerList(page, label)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

async function practiceAddress(
  request: Parameters<typeof callApi>[0],
  wizard: Parameters<typeof callApi>[1],
  name: string,
) {
  let url: string | null = null;
  await expect
    .poll(async () => {
      const reply = (await callApi(request, wizard, 'startDiscovery', {})) as {
        value: DiscoverySnapshot;
      };
      url = reply.value.printers.find((item) => item.model === name)?.webConfigUrl ?? null;
      return url;
    })
    .not.toBeNull();
  return new URL(url ?? '').host;
}

test('the three practice printers appear, one row each, with model, location and vendor', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await expect(page.getByRole('heading', { level: 2, name: 'Find the printer' })).toBeVisible();
  for (const name of practiceNames) await expect(printerCard(page, name)).toHaveCount(1);
  const epson = printerCard(page, 'EPSON ET-2850 Series');
  await expect(epson.getByText('Office, 2nd floor')).toBeVisible();
  await expect(epson.getByText('Epson', { exact: true })).toBeVisible();
  await expect(epson.getByText('Encrypted connection')).toBeVisible();
  await expect(epson.getByText('Print, Scan')).toBeVisible();
  const brother = printerCard(page, 'Brother MFC-L2750DW series');
  await expect(brother.getByText('Brother', { exact: true })).toBeVisible();
  await expect(brother.getByText('Print, Scan, Fax')).toBeVisible();
  await expect(page.getByText('Your printer is not in the list?')).toBeVisible();
  const results = await axeOn(page).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 1)).toEqual([]);
  await screenshot(page, 'en/discovery-list');
});

test('choosing a printer shows its firmware, fills the status board and survives a reload', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  const card = printerCard(page, 'EPSON WF-C5790 Series');
  await card.getByRole('checkbox', { name: /Use this printer/ }).check();
  await expect(
    card.getByText('Firmware version 10.53.WD17M2: update the firmware first'),
  ).toBeVisible();
  const board = page.getByRole('complementary', { name: 'Status board' });
  await expect(board.locator('[data-check="printer-found"]')).toContainText('Passed');
  await expect(board.locator('[data-check="printer-firmware"]')).toContainText('10.53.WD17M2');
  // Information to check, never a warning the wizard cannot clear (it cannot know the latest).
  await expect(board.locator('[data-check="printer-firmware"]')).toContainText('Worth checking');
  await expect(board.locator('[data-check="printer-firmware"]')).not.toContainText(
    'Needs attention',
  );
  await expect(page.getByText('Chosen: EPSON WF-C5790 Series')).toBeVisible();
  await screenshot(page, 'en/discovery-chosen');

  // "Open Web Config" goes through the allow-list and opens the printer's own page.
  const popup = page.waitForEvent('popup');
  await card.getByRole('button', { name: 'Open Web Config' }).click();
  const webConfig = await popup;
  await expect(webConfig.getByRole('heading', { name: 'Web Config' })).toBeVisible();
  await webConfig.close();

  await page.reload();
  const again = printerCard(page, 'EPSON WF-C5790 Series');
  await expect(again.getByRole('checkbox', { name: /Use this printer/ })).toBeChecked();
  await expect(printerCard(page, 'EPSON ET-2850 Series').getByRole('checkbox')).not.toBeChecked();
});

test('several printers can be chosen at once, and all are kept', async ({
  page,
  request,
  wizard,
}) => {
  await openWizard(page, wizard);
  // Ticked in quick succession (no waiting for each to be recorded): none may be lost.
  for (const name of practiceNames) {
    await printerCard(page, name)
      .getByRole('checkbox', { name: /Use this printer/ })
      .click();
  }
  await expect(page.getByText(/^Chosen \(3\): /)).toBeVisible();
  // The page saves one change after another; reload once the last one has landed.
  await expect
    .poll(async () => {
      const reply = (await callApi(request, wizard, 'getProgress', {})) as {
        value: { printers: unknown[] };
      };
      return reply.value.printers.length;
    })
    .toBe(3);
  await page.reload();
  for (const name of practiceNames) {
    await expect(printerCard(page, name).getByRole('checkbox')).toBeChecked();
  }
  await printerCard(page, practiceNames[0] ?? '')
    .getByRole('checkbox')
    .click();
  await expect(page.getByText(/^Chosen \(2\): /)).toBeVisible();
});

test('the choice survives a restart of the wizard, and its Web Config link stays allowed', async ({
  page,
}) => {
  const first = await startWizard({ demo: true });
  let url = '';
  try {
    await openWizard(page, first);
    await page
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button', { name: /Find the printer/ })
      .click();
    const card = printerCard(page, 'Brother MFC-L2750DW series');
    await card.getByRole('checkbox', { name: /Use this printer/ }).check();
    await expect(card.getByText(/Firmware version ZC2305271639/).first()).toBeVisible();
    const progress = (await (
      await page.request.post(`${first.origin}/api/getProgress`, {
        headers: { Authorization: `Bearer ${first.token}`, 'Content-Type': 'application/json' },
        data: '{}',
      })
    ).json()) as { value: { printers: { webConfigUrl: string }[] } };
    url = progress.value.printers[0]?.webConfigUrl ?? '';
  } finally {
    await first.stop();
  }
  const second = await startWizard({ demo: true, configDir: first.configDir });
  try {
    await openWizard(page, second);
    await expect(page.getByRole('heading', { level: 2, name: 'Find the printer' })).toBeVisible();
    await expect(
      printerCard(page, 'Brother MFC-L2750DW series').getByRole('checkbox', {
        name: /Use this printer/,
      }),
    ).toBeChecked();
    // The link comes back once discovery finds the printer again, at the address it has now
    // (a practice printer listens on a new port each run); the progress file admits nothing.
    const api = async (method: string, data: unknown) =>
      (
        await page.request.post(`${second.origin}/api/${method}`, {
          headers: { Authorization: `Bearer ${second.token}`, 'Content-Type': 'application/json' },
          data: JSON.stringify(data),
        })
      ).json() as Promise<{ ok: boolean; value?: unknown }>;
    let current = '';
    await expect
      .poll(async () => {
        const snapshot = (await api('startDiscovery', {})) as { value: DiscoverySnapshot };
        current =
          snapshot.value.printers.find((printer) => printer.model?.startsWith('Brother'))
            ?.webConfigUrl ?? '';
        return current === '' ? null : await api('openExternal', { url: current });
      })
      .toEqual({ ok: true, value: { via: 'page' } });
    if (current !== url) {
      expect(await api('openExternal', { url })).toMatchObject({ ok: false });
    }
  } finally {
    await second.stop();
  }
});

test('entering a practice printer address probes it and merges it into the same row', async ({
  page,
  request,
  wizard,
}) => {
  const address = await practiceAddress(request, wizard, 'EPSON ET-2850 Series');
  await openWizard(page, wizard);
  await expect(printerCard(page, 'EPSON ET-2850 Series')).toHaveCount(1);
  await page.getByLabel('IP address or host name').fill(address);
  await page.getByRole('button', { name: 'Check and add' }).click();
  await expect(page.getByText('Found and added to the list: EPSON ET-2850 Series.')).toBeVisible();
  const card = printerCard(page, 'EPSON ET-2850 Series');
  await expect(card).toHaveCount(1);
  await expect(card.getByText('Searching the network, The address you entered')).toBeVisible();
  await expect(card.getByRole('checkbox')).toBeChecked();
  await expect(printerList(page).getByRole('listitem')).toHaveCount(3);
});

test('bad addresses get a clear message within seconds and leave the list alone', async ({
  page,
  wizard,
}) => {
  // A port that accepts and never answers, a server that answers garbage, one that redirects.
  const silent = net.createServer(() => undefined);
  const garbage = net.createServer((socket) => socket.end('\u0000\u0001garbage\r\n\r\n'));
  const redirect = http.createServer((_request, response) => {
    response.writeHead(302, { Location: 'http://evil.example/' }).end();
  });
  const listen = (server: net.Server) =>
    new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  const [silentPort, garbagePort, redirectPort] = await Promise.all([
    listen(silent),
    listen(garbage),
    listen(redirect),
  ]);
  try {
    await openWizard(page, wizard);
    await expect(printerList(page).getByRole('listitem')).toHaveCount(3);
    const input = page.getByLabel('IP address or host name');
    const submit = page.getByRole('button', { name: 'Check and add' });
    const cases: [string, RegExp][] = [
      ['999.1.1.1', /is not an address the wizard can use/],
      ['<script>alert(1)</script>', /is not an address the wizard can use/],
      ['127.0.0.1:1', /Nothing answered at 127\.0\.0\.1:1/],
      [`127.0.0.1:${silentPort}`, /did not answer within 5 seconds/],
      [`127.0.0.1:${garbagePort}`, /answered, but not like a printer/],
      [
        `127.0.0.1:${redirectPort}`,
        /tried to send the wizard to another address \(evil\.example\)/,
      ],
      [
        'no-such-printer.invalid',
        /No device called no-such-printer\.invalid was found|Nothing answered|did not answer/,
      ],
    ];
    for (const [address, message] of cases) {
      await input.fill(address);
      await submit.click();
      await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible({
        timeout: 8000,
      });
    }
    await screenshot(page, 'en/discovery-bad-address');
    await expect(printerList(page).getByRole('listitem')).toHaveCount(3);
  } finally {
    silent.close();
    garbage.close();
    redirect.close();
  }
});

test('a hostile printer is shown as plain text and runs nothing', async ({
  page,
  request,
  wizard,
}) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await callApi(request, wizard, 'setPracticeSwitch', { id: 'printers', value: 'hostile' });
  await openWizard(page, wizard);
  const hostile = printerList(page)
    .getByRole('listitem')
    .filter({ hasText: '<img src=x onerror=alert(1)>' });
  await expect(hostile).toHaveCount(1);
  await expect(hostile.getByRole('heading', { level: 3 })).toHaveText(
    '<b onmouseover=alert(3)>Model</b>',
  );
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('.printer-card b')).toHaveCount(0);
  await hostile.getByRole('checkbox').check();
  await expect(hostile.getByRole('button', { name: 'Open Web Config' })).toBeVisible();
  await screenshot(page, 'en/discovery-hostile');
  expect(dialogs).toBe(0);
  for (const name of practiceNames) await expect(printerCard(page, name)).toHaveCount(1);
});

test('a printer published by the test on loopback is found and grouped into one row', async ({
  page,
  wizard,
}) => {
  const bonjour = new Bonjour.Bonjour(
    { interface: '127.0.0.1', bind: '0.0.0.0' } as unknown as Partial<Bonjour.ServiceConfig>,
    () => undefined,
  );
  const txt = {
    ty: 'Test Vendor TV-100',
    UUID: '2c0ffee0-0000-4000-8000-00000000e2e0',
    note: 'Published by the e2e test',
    adminurl: 'http://tv100.local./',
  };
  try {
    for (const type of ['ipp', 'ipps', 'uscan']) {
      bonjour.publish({
        name: 'Test printer TV-100',
        type,
        port: 9,
        host: 'tv100.local',
        txt,
        probe: false,
        disableIPv6: true,
      });
    }
    await openWizard(page, wizard);
    const card = printerCard(page, 'Test Vendor TV-100');
    await expect(card).toHaveCount(1);
    await expect(card.getByText('Published by the e2e test')).toBeVisible();
    await expect(card.getByText('Print, Scan')).toBeVisible();
    // It leaves the network: its row goes.
    await new Promise<void>((resolve) => bonjour.unpublishAll(() => resolve()));
    await expect(card).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => bonjour.destroy(() => resolve()));
  }
});

test('a printer announcing a look-alike sign-in page as its admin page: the card opens and shows its own address', async ({
  page,
  request,
  wizard,
}) => {
  const bonjour = new Bonjour.Bonjour(
    { interface: '127.0.0.1', bind: '0.0.0.0' } as unknown as Partial<Bonjour.ServiceConfig>,
    () => undefined,
  );
  const phishing = 'https://login-microsoftonline.evil.example/common/oauth2/v2.0/authorize';
  try {
    bonjour.publish({
      name: 'Lure printer',
      type: 'ipp',
      port: 9,
      host: 'lure.local',
      txt: { ty: 'Lure LP-1', UUID: '2c0ffee0-0000-4000-8000-00000000e2e1', adminurl: phishing },
      probe: false,
      disableIPv6: true,
    });
    await openWizard(page, wizard);
    const card = printerCard(page, 'Lure LP-1');
    await expect(card).toHaveCount(1);
    await card.getByRole('checkbox').check();
    await expect(card.getByRole('button', { name: 'Open Web Config' })).toBeVisible();
    await expect(card.getByTestId('web-config-address')).toHaveText('Opens http://127.0.0.1/');
    await expect(card.getByText(/evil\.example/)).toHaveCount(0);
    const reply = await callApi(request, wizard, 'openExternal', { url: phishing });
    expect(reply).toMatchObject({ ok: false, problem: { id: 'link-not-allowed' } });
  } finally {
    // Say goodbye first: a lingering lure would keep the next test's empty list from being empty.
    await new Promise<void>((resolve) => bonjour.unpublishAll(() => resolve()));
    await new Promise<void>((resolve) => bonjour.destroy(() => resolve()));
  }
});

test('with no printer answering, plain help appears with the panel path, in English and Ukrainian', async ({
  page,
  request,
  wizard,
}) => {
  await callApi(request, wizard, 'setPracticeSwitch', { id: 'printers', value: 'none' });
  await openWizard(page, wizard);
  await page.getByRole('button', { name: 'Search again' }).click();
  const help = page.getByRole('region', { name: 'No printer has answered yet' });
  await expect(help).toBeVisible({ timeout: 15_000 });
  await expect(
    help.getByText(
      'Settings > General Settings > Network Settings > Network Status > Wired LAN/Wi-Fi Status',
    ),
  ).toBeVisible();
  await expect(help.getByText(/UDP port 5353/)).toBeVisible();
  const results = await axeOn(page).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 1)).toEqual([]);
  await screenshot(page, 'en/discovery-none');

  await resetProgress(request, wizard, {
    step: 'find-printer',
    visited: ['welcome', 'find-printer'],
    language: 'uk',
  });
  await page.reload();
  const ukrainian = page.getByRole('region', { name: 'Жоден принтер ще не відповів' });
  await expect(ukrainian).toBeVisible({ timeout: 10_000 });
  await expect(
    ukrainian.getByText(
      'Налаш. > Загальні налаштування > Налаштування мережі > Стан мережі > Стан підкл. до LAN/Wi-Fi',
    ),
  ).toBeVisible();
  await screenshot(page, 'uk/discovery-none');
});

test('the list in Traditional Chinese, with a chosen printer', async ({
  page,
  request,
  wizard,
}) => {
  await resetProgress(request, wizard, {
    step: 'find-printer',
    visited: ['welcome', 'find-printer'],
    language: 'zh-TW',
  });
  await openWizard(page, wizard);
  const card = printerCard(page, 'EPSON ET-2850 Series', '找到的印表機');
  await card.getByRole('checkbox').check();
  await expect(card.getByText('韌體版本 05.27.XK26P4：請先更新韌體')).toBeVisible();
  const results = await axeOn(page).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 1)).toEqual([]);
  await screenshot(page, 'zh-TW/discovery-chosen');
});
