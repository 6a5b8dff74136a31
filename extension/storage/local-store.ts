// Typed reads and writes of chrome.storage.local, the only place the extension keeps anything (never storage.sync).
export async function readLocal<T>(key: string): Promise<T | undefined> {
  const items = await chrome.storage.local.get(key);
  return items[key] as T | undefined;
}

export async function writeLocal(key: string, value: unknown): Promise<void> {
  await chrome.storage.local.set({ [key]: value });
}

export async function removeLocal(key: string | string[]): Promise<void> {
  await chrome.storage.local.remove(key);
}

/** Keys that start with a prefix (journals, handed-over files). */
export async function keysWithPrefix(prefix: string): Promise<string[]> {
  // getKeys (Chrome 130+) does not read the values: journals and kept files can be megabytes.
  const area = chrome.storage.local as chrome.storage.LocalStorageArea & { getKeys?: () => Promise<string[]> };
  const keys = area.getKeys ? await area.getKeys() : Object.keys(await area.get(null));
  return keys.filter((key) => key.startsWith(prefix));
}
