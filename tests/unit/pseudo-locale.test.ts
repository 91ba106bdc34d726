/** The pseudo-locale keeps what i18next and the app read, and marks everything a person reads. */
import { describe, expect, it } from 'vitest';
import { pseudoBundle, pseudoText } from '../../renderer/i18n/pseudo';

describe('pseudo-locale', () => {
  it('accents, lengthens and brackets the words between right-to-left marks', () => {
    const text = pseudoText('Check now');
    expect(text).toBe('\u200f⟦Çĥééçķ ñööŵ⟧\u200f');
    expect(text.length).toBeGreaterThan('Check now'.length * 1.3);
  });

  it('keeps placeholders, nesting, tags, addresses and mailboxes as they are', () => {
    const text = pseudoText(
      'Open {{page}} at https://microsoft.com/devicelogin as admin@contoso.example, $t(common:x) <b>',
    );
    for (const kept of [
      '{{page}}',
      'https://microsoft.com/devicelogin',
      'admin@contoso.example',
      '$t(common:x)',
      '<b>',
    ]) {
      expect(text).toContain(kept);
    }
  });

  it('turns every string of a namespace, arrays and nesting included', () => {
    expect(pseudoBundle({ a: 'Yes', b: ['No'], c: { d: '' } })).toEqual({
      a: '\u200f⟦Ýééš⟧\u200f',
      b: ['\u200f⟦Ñöö⟧\u200f'],
      c: { d: '' },
    });
  });
});
