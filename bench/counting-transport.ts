// A transport that counts what goes through it (sends and requests), for the benchmarks' request figures.
import type { Transport } from '../shared/api/index.ts';

export function counting(inner: Transport): Transport & { sends: number; requests: number } {
  const counter = {
    sends: 0,
    requests: 0,
    send(requests: Parameters<Transport['send']>[0]) {
      counter.sends += 1;
      counter.requests += requests.length;
      return inner.send(requests);
    },
  };
  return counter;
}
