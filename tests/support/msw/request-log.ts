/**
 * Records every request MSW sees (method, path, when it started and ended), to count requests and sequential
 * round trips: a request is one round trip deeper than the deepest request that had finished before it began.
 */
import type { SetupServer } from 'msw/node';

export interface LoggedRequest {
  method: string;
  /** Path and query after the origin. */
  path: string;
  /** The If-None-Exist header, when sent (a conditional create). */
  ifNoneExist?: string;
  start: number;
  end?: number;
}

export interface RequestLog {
  readonly requests: LoggedRequest[];
  count(filter?: (r: LoggedRequest) => boolean): number;
  /** The longest chain of requests where each began after the previous one ended. */
  roundTrips(): number;
  stop(): void;
}

export function recordRequests(server: SetupServer): RequestLog {
  const requests: LoggedRequest[] = [];
  const byId = new Map<string, LoggedRequest>();
  const onStart = ({ request, requestId }: { request: Request; requestId: string }): void => {
    const url = new URL(request.url);
    const entry: LoggedRequest = {
      method: request.method,
      path: `${url.pathname}${url.search}`,
      start: performance.now(),
    };
    const ifNoneExist = request.headers.get('if-none-exist');
    if (ifNoneExist) entry.ifNoneExist = ifNoneExist;
    requests.push(entry);
    byId.set(requestId, entry);
  };
  const onEnd = ({ requestId }: { requestId: string }): void => {
    const entry = byId.get(requestId);
    if (entry) entry.end = performance.now();
  };
  server.events.on('request:start', onStart);
  server.events.on('response:mocked', onEnd);
  return {
    requests,
    count: (filter) => (filter ? requests.filter(filter).length : requests.length),
    roundTrips() {
      const sorted = [...requests].sort((a, b) => a.start - b.start);
      const depth: number[] = [];
      sorted.forEach((r, i) => {
        let before = 0;
        for (let j = 0; j < i; j += 1) {
          const earlier = sorted[j]!;
          if (earlier.end !== undefined && earlier.end <= r.start) before = Math.max(before, depth[j]!);
        }
        depth[i] = before + 1;
      });
      return Math.max(0, ...depth);
    },
    stop() {
      server.events.removeListener('request:start', onStart);
      server.events.removeListener('response:mocked', onEnd);
    },
  };
}
