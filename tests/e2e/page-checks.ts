/**
 * Checks run inside the page: what is cut off or pushes the page sideways, and text on screen
 * that did not come from the catalogue (under the pseudo-locale every catalogue string carries
 * ⟦ ⟧ and accents, so plain English on screen is a literal string in the code).
 */
import type { Page } from '@playwright/test';
import { unfilledWords } from '../../renderer/i18n/missing';

/** Placeholders left unfilled (`{{code}}`) and missing-key markers in a text. */
export function unfilledIn(text: string): string[] {
  return [...text.matchAll(unfilledWords)].map((match) => match[0]);
}

/**
 * Unfilled placeholders and missing-key markers anywhere in the page: its text (folded
 * details too) and the names and hints assistive technology reads out.
 */
export async function unfilledOnPage(page: Page): Promise<string[]> {
  const text = await page.evaluate(() =>
    [
      document.title,
      document.body.textContent ?? '',
      ...[...document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap(
        (element) =>
          ['aria-label', 'title', 'placeholder', 'alt'].map(
            (name) => element.getAttribute(name) ?? '',
          ),
      ),
    ].join('\n'),
  );
  return unfilledIn(text);
}

/** Elements whose content does not fit and is hidden or spills, and sideways page scrolling. */
export function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const name = (element: Element): string =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        element.className && typeof element.className === 'string'
          ? `.${element.className.trim().split(/\s+/).join('.')}`
          : ''
      } «${(element.textContent ?? '').trim().slice(0, 60)}»`;
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) {
      found.push(`the page scrolls sideways: ${root.scrollWidth} > ${window.innerWidth}`);
    }
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (element.closest('.visually-hidden, .skip-link, script, style, select, option')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (style.display === 'inline' || element.clientWidth === 0) continue;
      const hasText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      const clipsX = ['hidden', 'clip'].includes(style.overflowX);
      const clipsY = ['hidden', 'clip'].includes(style.overflowY);
      const wider = element.scrollWidth > element.clientWidth + 1;
      const taller = element.scrollHeight > element.clientHeight + 1;
      if ((clipsX && wider) || (clipsY && taller)) found.push(`cut off: ${name(element)}`);
      else if (hasText && wider && style.overflowX === 'visible') {
        found.push(`spills out: ${name(element)}`);
      }
      const box = element.getBoundingClientRect();
      if (hasText && box.width > 0 && box.right > window.innerWidth + 1) {
        found.push(`beyond the window: ${name(element)}`);
      }
    }
    return found;
  });
}

/**
 * Visible text and accessible names with letters but no pseudo-locale mark: literal strings.
 * Data the user or the printer gave (names, addresses, codes) is not the catalogue's and is
 * left out by the patterns given.
 */
export function literalStrings(page: Page, data: readonly RegExp[]): Promise<string[]> {
  return page.evaluate(
    (patterns) => {
      const dataPatterns = patterns.map((source) => new RegExp(source, 'u'));
      const marked = /[⟦⟧áçďéğĥíķłñöřšŧüŵýžÅÇĎÉĞĤÎĶŁÑØŘŠŦÛŴÝŽ]/u;
      const isLiteral = (text: string): boolean => {
        const trimmed = text.trim();
        if (!/\p{L}{2,}/u.test(trimmed) || marked.test(trimmed)) return false;
        return !dataPatterns.some((pattern) => pattern.test(trimmed));
      };
      const skip = 'script, style, code, kbd, option[lang], [data-testid="user-code"]';
      const found = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(skip)) continue;
        if (isLiteral(node.textContent ?? '')) found.add(`text «${node.textContent?.trim()}»`);
      }
      for (const element of document.body.querySelectorAll(
        '[aria-label], [title], [placeholder]',
      )) {
        if (element.closest(skip)) continue;
        for (const attribute of ['aria-label', 'title', 'placeholder']) {
          const value = element.getAttribute(attribute);
          if (value && isLiteral(value)) found.add(`${attribute} «${value}»`);
        }
      }
      return [...found];
    },
    data.map((pattern) => pattern.source),
  );
}
