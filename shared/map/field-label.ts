// A field as people read it in the mapping's sentences: its label ("Address line 1"), not its key.
import type { ResourceSpec } from '../resources/index.ts';

export function labelOf(resource: ResourceSpec, key: string): string {
  return resource.fields.find((f) => f.key === key)?.label ?? key;
}
