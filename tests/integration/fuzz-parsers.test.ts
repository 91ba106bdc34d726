/**
 * Property-based fuzzing (fast-check) of every parser that reads what the network sends:
 * mDNS service records and TXT strings, IPP answers, SMTP replies, identity (OAuth) errors,
 * and the setup report those values end up in. Oversized, binary, markup-laden and malformed
 * inputs: nothing throws unexpectedly, every value kept is plain bounded text, a printer's link
 * stays on its own address, and nothing becomes markup. Counts: artifacts/fuzz-parsers.json.
 */
import type Bonjour from 'bonjour-service';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { toAnnouncement } from '../../electron/services/discovery/service-table';
import {
  groupPrinters,
  textLimits,
  toChosenPrinter,
  webOrigin,
} from '../../electron/services/discovery/grouping';
import { parseTxt, txtLimits } from '../../electron/services/discovery/txt';
import { decodeIpp, encodeIpp, ippTags, type IppMessage } from '../../electron/services/ipp';
import { createLinkPolicy } from '../../electron/services/link-policy';
import { buildSetupReport } from '../../electron/services/setup-report';
import { classifySignInError } from '../../electron/services/signin/classify';
import { NetworkFailureError } from '../../electron/services/signin/network-client';
import { ProblemError } from '../../electron/common/problem-error';
import { classifySmtpFailure } from '../../shared/exchange/smtp-replies';
import { initialProgress } from '../../shared/model';
import { printerServiceTypes, type PrinterServiceType } from '../../shared/printers';
import {
  FuzzCounter,
  hostileString,
  ipv4,
  ipv6,
  isSafeText,
  markup,
  runs,
  seed,
} from '../support/fuzz';

const counter = new FuzzCounter('parsers');
afterAll(() => counter.write());

/** Every string in a problem's data is plain, bounded text. */
function expectSafeData(data: Record<string, unknown> | undefined, limit = 400): void {
  for (const value of Object.values(data ?? {})) {
    if (typeof value === 'string')
      expect(isSafeText(value, limit), JSON.stringify(value)).toBe(true);
  }
}

const txtString = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
  hostileString(300).map((text) => Buffer.from(text, 'utf8')),
  fc
    .tuple(
      fc.constantFrom(
        'adminurl',
        'ty',
        'product',
        'note',
        'usb_MFG',
        'uuid',
        'rp',
        'ADMINURL',
        '__proto__',
        'constructor',
      ),
      hostileString(260),
    )
    .map(([key, value]) => Buffer.from(`${key}=${value}`, 'utf8')),
  fc.webUrl().map((url) => Buffer.from(`adminurl=${url}`)),
  fc.constant(
    Buffer.from('adminurl=https://login-microsoftonline.evil.example/common/oauth2/v2.0/authorize'),
  ),
  fc.anything().map((value) => value as unknown as Buffer),
);

const service = fc.record({
  name: fc.oneof(hostileString(), fc.anything()),
  host: fc.oneof(hostileString(300), fc.domain(), fc.constant('login.microsoftonline.com')),
  fqdn: fc.oneof(hostileString(400), fc.domain()),
  port: fc.oneof(fc.integer({ min: -1, max: 70_000 }), fc.double(), fc.constant(undefined)),
  addresses: fc.array(fc.oneof(ipv4, ipv6, hostileString(80)), { maxLength: 12 }),
  referer: fc.record({ address: fc.oneof(ipv4, ipv6, hostileString(80)) }),
  rawTxt: fc.oneof(fc.array(txtString, { maxLength: 80 }), fc.anything()),
  subtypes: fc.array(hostileString(60), { maxLength: 12 }),
});

describe('mDNS announcements (names, host names, addresses, TXT records)', () => {
  it('become bounded plain text, and a printer link only ever points at that printer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(service, fc.constantFrom(...printerServiceTypes)), {
          minLength: 1,
          maxLength: 6,
        }),
        (services) => {
          counter.hit('mdns-service-records');
          const announcements = services
            .map(([raw, type]) =>
              toAnnouncement(raw as unknown as Bonjour.Service, type as PrinterServiceType),
            )
            .filter((item) => item !== null);
          const entries = groupPrinters(announcements);
          const links = createLinkPolicy();
          for (const entry of entries) {
            expect(isSafeText(entry.name, textLimits.name)).toBe(true);
            expect(isSafeText(entry.model, textLimits.model)).toBe(true);
            expect(isSafeText(entry.location, textLimits.location)).toBe(true);
            expect(entry.addresses.length).toBeLessThanOrEqual(6);
            if (entry.webConfigUrl !== null) {
              const url = new URL(entry.webConfigUrl);
              expect(['http:', 'https:']).toContain(url.protocol);
              expect(url.username + url.password).toBe('');
              const own = entry.addresses.map(
                (address) =>
                  new URL(`http://${address.includes(':') ? `[${address}]` : address}/`).hostname,
              );
              expect(own).toContain(url.hostname);
              links.allowOrigin(webOrigin(entry.webConfigUrl) ?? '');
            }
            const chosen = toChosenPrinter(entry);
            expect(JSON.stringify(chosen).length).toBeLessThan(4_000);
          }
          // Admitting the printers never admits a Microsoft look-alike.
          expect(links.isAllowed('https://login-microsoftonline.evil.example/')).toBe(false);
        },
      ),
      { endOnFailure: true, numRuns: runs(600), seed },
    );
  });

  it('TXT strings: bounded work and plain values whatever the bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(txtString, { maxLength: 200 }), fc.anything()), (raw) => {
        counter.hit('mdns-txt-records');
        const txt = parseTxt(raw);
        expect(Object.keys(txt).length).toBeLessThanOrEqual(txtLimits.maxEntries);
        for (const [key, value] of Object.entries(txt)) {
          expect(key).toMatch(/^[\x20-\x7e]+$/);
          expect(isSafeText(value, txtLimits.valueChars)).toBe(true);
        }
        expect(Object.getPrototypeOf(txt)).toBe(Object.prototype);
      }),
      { endOnFailure: true, numRuns: runs(1000), seed },
    );
  });
});

const ippAttribute = fc.record({
  name: fc.constantFrom(
    'printer-make-and-model',
    'printer-uuid',
    'printer-name',
    'printer-info',
    'printer-location',
    'printer-device-id',
    'printer-state',
    'printer-more-info',
  ),
  tag: fc.constantFrom(
    ippTags.textWithoutLanguage,
    ippTags.nameWithoutLanguage,
    ippTags.keyword,
    ippTags.uri,
    ippTags.enum,
    ippTags.integer,
  ),
  text: hostileString(200),
  number: fc.integer(),
});

function validIpp(
  attributes: fc.Arbitrary<{ name: string; tag: number; text: string; number: number }[]>,
): fc.Arbitrary<Buffer> {
  return attributes.map((list) => {
    const message: IppMessage = {
      version: '2.0',
      code: 0,
      requestId: 1,
      groups: [
        {
          tag: ippTags.printerAttributes,
          attributes: list.map((item) => ({
            name: item.name,
            tag: item.tag,
            values: [
              item.tag === ippTags.enum || item.tag === ippTags.integer
                ? item.number
                : item.text.slice(0, 30_000),
            ],
          })),
        },
      ],
    };
    return encodeIpp(message);
  });
}

describe('IPP answers', () => {
  it('decode or fail with an error, never hang or crash, whatever the bytes', () => {
    const mutated = fc
      .tuple(
        validIpp(fc.array(ippAttribute, { maxLength: 10 })),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.nat(),
      )
      .map(([bytes, flips, cut]) => {
        const copy = Buffer.from(bytes);
        for (const [at, value] of flips) if (copy.length > 0) copy[at % copy.length] = value;
        return copy.subarray(0, cut % (copy.length + 1) || copy.length);
      });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
          mutated,
        ),
        (bytes) => {
          counter.hit('ipp-answers');
          try {
            const message = decodeIpp(bytes);
            expect(message.groups.flatMap((group) => group.attributes).length).toBeLessThanOrEqual(
              2_000,
            );
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
          }
        },
      ),
      { endOnFailure: true, numRuns: runs(1500), seed },
    );
  });
});

describe('SMTP replies', () => {
  it('classify to a known problem whose data is plain bounded text', () => {
    const reply = fc.oneof(
      hostileString(2_000),
      fc
        .tuple(fc.integer({ min: 200, max: 599 }), fc.constantFrom(' ', '-'), hostileString(500))
        .map(([code, sep, text]) => `${code}${sep}${text}`),
      fc
        .tuple(
          fc.constantFrom('535 5.7.139', '535 5.7.3', '550 5.7.30', '421 4.3.2', '554 5.2.252'),
          hostileString(500),
        )
        .map(([head, text]) => `${head} ${text}`),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            code: fc.oneof(
              fc.constantFrom(
                'EAUTH',
                'ESOCKET',
                'ETLS',
                'ETIMEDOUT',
                'ECONNECTION',
                'EPROTOCOL',
                'EDNS',
              ),
              hostileString(40),
            ),
            responseCode: fc.integer({ min: -1, max: 1_000 }),
            response: reply,
            originalCode: hostileString(40),
            message: hostileString(300),
            deadline: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        (failure) => {
          counter.hit('smtp-replies');
          const outcome = classifySmtpFailure(failure);
          expect(outcome.problemId).toMatch(/^smtp-/);
          expectSafeData(outcome.data);
        },
      ),
      { endOnFailure: true, numRuns: runs(1000), seed },
    );
  });
});

describe('identity (OAuth and MSAL) errors', () => {
  it('classify to a sign-in problem whose data is plain bounded text', () => {
    const oauth = fc.option(
      fc.record({
        error: hostileString(80),
        codes: fc.array(
          fc.oneof(
            fc.integer(),
            fc.constantFrom(50076, 53003, 65001, 700016, 7000218, 700082, 50173),
          ),
          { maxLength: 5 },
        ),
        correlationId: fc.option(hostileString(64)),
        description: hostileString(400),
      }),
    );
    const error = fc.oneof(
      fc.anything(),
      fc.record(
        {
          errorCode: hostileString(80),
          errorMessage: hostileString(1_000),
          message: hostileString(1_000),
          correlationId: hostileString(200),
        },
        { requiredKeys: [] },
      ),
      // The host is the wizard's own configured endpoint and the code the system's: not hostile.
      fc
        .record({
          kind: fc.constantFrom('timeout', 'network', 'certificate'),
          code: fc.constantFrom('ECONNRESET', 'ETIMEDOUT', 'SELF_SIGNED_CERT_IN_CHAIN'),
          host: fc.domain(),
        })
        .map((failure) => new NetworkFailureError(failure as never)),
    );
    fc.assert(
      fc.property(error, oauth, (thrown, record) => {
        counter.hit('identity-errors');
        const problem = classifySignInError({ error: thrown, oauth: record, failure: null });
        expect(problem).toBeInstanceOf(ProblemError);
        expect(problem.problem.id).toMatch(/^signin-/);
        expectSafeData(problem.problem.data, 300);
      }),
      { endOnFailure: true, numRuns: runs(1000), seed },
    );
  });
});

describe('the setup report (network values inside HTML)', () => {
  it('never turns a printer name, model, address or account into markup', () => {
    fc.assert(
      fc.property(
        hostileString(400),
        hostileString(200),
        hostileString(200),
        fc.constantFrom(...markup),
        (name, model, account, tag) => {
          counter.hit('setup-report-html');
          const report = buildSetupReport({
            progress: {
              ...initialProgress,
              printers: [
                {
                  id: 'uuid:x',
                  name: `${name}${tag}`,
                  model: `${tag}${model}`,
                  vendor: 'other',
                  addresses: [`${tag}`.slice(0, 64)],
                  webConfigUrl: `javascript:${tag}`,
                  firmwareVersion: tag.slice(0, 80),
                },
              ],
            },
            account: { username: `${account}${tag}`, tenantName: tag },
            smtp: { host: 'smtp.office365.com', port: 587 },
            personal: false,
            practice: false,
            product: 'Printer Mail Setup Wizard',
            words: {},
            now: new Date('2026-12-04T00:00:00Z'),
          });
          for (const dangerous of [
            /<script/i,
            /<img/i,
            /<svg/i,
            /<a\s+href="javascript/i,
            /"><svg/i,
          ]) {
            // Every '<' of the inputs arrives escaped: no element or attribute of theirs survives.
            expect(report.html).not.toMatch(dangerous);
          }
        },
      ),
      { endOnFailure: true, numRuns: runs(300), seed },
    );
  });
});
