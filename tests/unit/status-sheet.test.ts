/**
 * The status sheet reader (electron/services/status-sheet.ts): the same code reads a real
 * printer's sheet page and the practice printer's; the page is hostile input.
 */
import { describe, expect, it } from 'vitest';
import { createStatusSheetReader, parseStatusSheet } from '../../electron/services/status-sheet';
import { sheetLineLabels, statusFieldIds } from '../../shared/printer-setup';
import { epsonStatusSheetPage } from '../../shared/vendor-profiles';

const row = (label: string, value: string): string => `<tr><th>${label}</th><td>${value}</td></tr>`;
const page = `<table>${statusFieldIds.map((id) => row(sheetLineLabels[id], id === 'smtp-port' ? '587' : '-')).join('')}${row('Authentication Method', 'a later section: ignored')}</table>`;

describe('parseStatusSheet', () => {
  it('reads the guide labels, "-" as empty', () => {
    const reading = parseStatusSheet(page.replace(`<td>-</td>`, '<td>OAuth2</td>'));
    expect(reading?.authenticationMethod).toBe('OAuth2');
    expect(reading?.smtpPort).toBe('587');
    expect(reading?.currentStatus).toBe('');
  });
  it('keeps only bounded plain text', () => {
    const hostile = row(
      'Current Status',
      `<script>alert(1)</script>Signed&nbsp;in &lt;b&gt;${'x'.repeat(500)}`,
    );
    const reading = parseStatusSheet(`<table>${hostile}</table>`);
    expect(reading?.currentStatus.startsWith('alert(1) Signed in <b>x')).toBe(true);
    expect(reading?.currentStatus.length).toBe(200);
  });
  it('reads a label shown in another language with the English beside it', () => {
    const bilingual = `<table>${row('<span lang="zh-TW">驗證方法</span> (Authentication Method)', 'OAuth2')}${row('寄件者的電子郵件位址 (Sender&#39;s Email Address)', 'scanner@contoso.example')}${row('驗證方法', 'no English: not read')}</table>`;
    const reading = parseStatusSheet(bilingual);
    expect(reading?.authenticationMethod).toBe('OAuth2');
    expect(reading?.senderAddress).toBe('scanner@contoso.example');
    expect(reading?.currentStatus).toBe('');
  });
  it('finds no sheet in a page without its lines', () => {
    expect(parseStatusSheet('<html><body>Login</body></html>')).toBeNull();
  });
});

describe('createStatusSheetReader', () => {
  const epson = {
    vendor: 'epson' as const,
    model: 'EPSON ET-2850 Series',
    name: 'EPSON ET-2850 Series',
    webConfigUrl: 'http://192.0.2.10/PRESENTATION/BONJOUR',
  };
  it("asks only the printer's own origin, at its make's sheet page", async () => {
    const asked: string[] = [];
    const reader = createStatusSheetReader({
      fetchText: async (url) => {
        asked.push(url);
        return page;
      },
    });
    await expect(reader.read(epson)).resolves.toMatchObject({ smtpPort: '587' });
    expect(asked).toEqual([`http://192.0.2.10${epsonStatusSheetPage}`]);
  });
  it('answers printer-sheet-unreadable for an unknown page, a failed fetch or no lines', async () => {
    const never = createStatusSheetReader({
      fetchText: () => Promise.reject(new Error('should not be asked')),
    });
    await expect(
      never.read({ ...epson, vendor: 'brother', model: 'Brother MFC' }),
    ).rejects.toMatchObject({
      problem: { id: 'printer-sheet-unreadable' },
    });
    await expect(never.read(epson)).rejects.toMatchObject({
      problem: { id: 'printer-sheet-unreadable' },
    });
    const empty = createStatusSheetReader({ fetchText: async () => '<p>Login</p>' });
    await expect(empty.read(epson)).rejects.toMatchObject({
      problem: { id: 'printer-sheet-unreadable' },
    });
  });
});
