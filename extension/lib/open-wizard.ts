// Opens the import wizard in a tab. The URL holds only a resource name or a hand-over id, never data or tokens.
import type { ResourceName } from '../../shared/resources/index.ts';

export function wizardUrl(hash: string): string {
  return chrome.runtime.getURL(`wizard/index.html${hash ? `#${hash}` : ''}`);
}

export async function openWizard(resource?: ResourceName): Promise<void> {
  await chrome.tabs.create({ url: wizardUrl(resource ? `resource=${resource}` : '') });
}

/** The sign-in form in a full tab, for pages that are not the popup (the wizard when signed out). */
export function signInUrl(): string {
  return chrome.runtime.getURL('popup/index.html#tab');
}
