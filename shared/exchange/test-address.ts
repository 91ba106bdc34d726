/**
 * The one address a test message goes to. The user types it; the wizard refuses anything
 * that is not exactly one plain address (no lists, no display names, no header tricks).
 */
export type TestAddressCheck =
  | { ok: true; address: string }
  | { ok: false; problemId: 'test-address-invalid' | 'test-address-multiple' };

// Dot-atom local part and a domain with at least one dot (RFC 5321 without quoted forms,
// which no printer uses). Unicode letters are allowed for internationalised addresses.
const localPart = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const domainLabel = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

export function checkTestAddress(input: string): TestAddressCheck {
  const text = input.trim();
  if ((text.match(/@/g) ?? []).length > 1 || /[,;]/.test(text) || /\S\s+\S/.test(text)) {
    return { ok: false, problemId: 'test-address-multiple' };
  }
  if (text.length === 0 || text.length > 254)
    return { ok: false, problemId: 'test-address-invalid' };
  const at = text.lastIndexOf('@');
  if (at < 1) return { ok: false, problemId: 'test-address-invalid' };
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  const labels = domain.split('.');
  const valid =
    local.length <= 64 &&
    localPart.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => domainLabel.test(label)) &&
    !/^\d+$/.test(labels.at(-1) ?? '');
  return valid ? { ok: true, address: text } : { ok: false, problemId: 'test-address-invalid' };
}
