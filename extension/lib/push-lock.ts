// One push per Pivor and resource at a time across every tab and window of the browser profile: a Web Lock
// (navigator.locks, shared by all of the extension's pages) held from the last plan to the last request.
// A second push is refused at once with a clear word instead of waiting behind the first or running beside it.
import type { ResourceName } from '../../shared/resources/index.ts';

export class PushBusyError extends Error {
  constructor(resource: ResourceName) {
    super(`Another tab or window is importing ${resource} into this Pivor. Wait for that import to finish, then import again: this file will be checked against what it created.`);
    this.name = 'PushBusyError';
  }
}

export function whileNoOtherPush<T>(baseUrl: string, resource: ResourceName, run: () => Promise<T>): Promise<T> {
  return navigator.locks.request(`pivor-push ${baseUrl} ${resource}`, { ifAvailable: true }, async (lock) => {
    if (!lock) throw new PushBusyError(resource);
    return run();
  });
}
