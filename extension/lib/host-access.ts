// Host access, one origin at a time, through the manifest's optional_host_permissions.
// chrome.permissions.request must run inside a click on an extension page, before any other await.

export function originPattern(origin: string): string {
  return `${origin}/*`;
}

export function hasOriginAccess(origin: string): Promise<boolean> {
  return chrome.permissions.contains({ origins: [originPattern(origin)] });
}

/** Asks the user for access to one origin; resolves false when they decline. */
export function requestOriginAccess(origin: string): Promise<boolean> {
  return chrome.permissions.request({ origins: [originPattern(origin)] });
}

/** Gives back access that is no longer needed (the Pivor origin, after signing out). */
export async function releaseOriginAccess(origin: string): Promise<void> {
  await chrome.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
}
