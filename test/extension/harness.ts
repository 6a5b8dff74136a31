// End-to-end harness for the extension: the browser side (browser.ts) plus what only tests need.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export * from './browser.ts';

/**
 * Presses Tab until the control named `name` has focus, as a keyboard user moves through a page, checking on
 * every stop that the focused control is visible and shows a focus ring.
 */
export async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      // a radio or checkbox drawn by its label shows its focus there
      const label = el instanceof HTMLInputElement ? el.labels?.[0] ?? null : null;
      const shown = label && el.getBoundingClientRect().width <= 2 ? label : el;
      const style = getComputedStyle(shown);
      const box = shown.getBoundingClientRect();
      return {
        name: (el.getAttribute('aria-label') ?? label?.textContent ?? el.textContent ?? '').trim(),
        // a focus ring (outline or box-shadow), on an element one can see
        ring: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
        visible: box.width > 2 && box.height > 2 && style.visibility !== 'hidden',
        what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`,
      };
    });
    if (!focused) continue;
    expect(focused.visible, `focus on an invisible ${focused.what}`).toBe(true);
    expect(focused.ring, `no focus ring on ${focused.what} "${focused.name}"`).toBe(true);
    if (name.test(focused.name)) return;
  }
  throw new Error(`${name} cannot be reached with Tab`);
}
