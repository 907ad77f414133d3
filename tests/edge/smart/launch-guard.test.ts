/** The launch guard: a 401 or network failure as the session's first answer is a launch failure; later, not. */
import { describe, expect, it, vi } from 'vitest';
import type { FhirHttp } from '../../../src/edge/types.ts';
import { guardLaunch } from '../../../src/edge/smart/launch-guard.ts';
import { launchFailure } from '../../../src/edge/smart/launch-failure.ts';

const BASE = 'https://ehr.example.org/fhir';

/** A FhirHttp answering each call with the next item: a status, or 'offline' for a network failure. */
function scripted(answers: (number | 'offline')[], headers: Record<string, string> = {}): FhirHttp {
  let i = 0;
  return {
    baseUrl: BASE,
    fetch: async () => {
      const answer = answers[i++] ?? 200;
      if (answer === 'offline') throw new TypeError('Failed to fetch');
      return new Response('{}', { status: answer, headers });
    },
  };
}

/** Handlers recording the verdict. */
function verdict() {
  const onFailure = vi.fn();
  const onWorking = vi.fn();
  return { onFailure, onWorking, handlers: { onFailure, onWorking } };
}

describe('guardLaunch', () => {
  it('reports an expired token when the first answer is 401 saying so, and still hands the response back', async () => {
    const { onFailure, onWorking, handlers } = verdict();
    const http = guardLaunch(
      scripted([401], {
        'www-authenticate': 'Bearer error="invalid_token", error_description="The access token expired"',
      }),
      handlers,
    );
    expect((await http.fetch('Patient/p1')).status).toBe(401);
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ kind: 'token-expired' }));
    expect(onWorking).not.toHaveBeenCalled();
  });

  it('reports an invalid token for a bare 401, once, however many requests follow', async () => {
    const { onFailure, handlers } = verdict();
    const http = guardLaunch(scripted([401, 401, 401]), handlers);
    await Promise.all([http.fetch('Patient/p1'), http.fetch('Condition'), http.fetch('MedicationRequest')]);
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ kind: 'token-invalid' }));
  });

  it('reports the network being down when the first request gets no response, and rethrows', async () => {
    const { onFailure, handlers } = verdict();
    const http = guardLaunch(scripted(['offline']), handlers);
    await expect(http.fetch('Patient/p1')).rejects.toThrow(TypeError);
    expect(onFailure).toHaveBeenCalledWith(launchFailure('network-down'));
  });

  it('stays silent once the launch has worked: later 401s and network errors are chart gaps', async () => {
    const { onFailure, onWorking, handlers } = verdict();
    const http = guardLaunch(scripted([200, 401, 'offline']), handlers);
    await http.fetch('Patient/p1');
    expect(onWorking).toHaveBeenCalledTimes(1);
    expect((await http.fetch('Condition')).status).toBe(401);
    await expect(http.fetch('MedicationRequest')).rejects.toThrow();
    expect(onFailure).not.toHaveBeenCalled();
    expect(onWorking).toHaveBeenCalledTimes(1);
  });

  it('counts 403, 404 and 500 as the launch having worked (the server accepted the token)', async () => {
    for (const status of [403, 404, 500]) {
      const { onFailure, onWorking, handlers } = verdict();
      const http = guardLaunch(scripted([status, 401]), handlers);
      await http.fetch('Patient/p1');
      await http.fetch('Condition');
      expect(onFailure).not.toHaveBeenCalled();
      expect(onWorking).toHaveBeenCalledTimes(1);
    }
  });

  it('ignores an abort or timeout (not a network failure)', async () => {
    const { onFailure, onWorking, handlers } = verdict();
    const aborting: FhirHttp = {
      baseUrl: BASE,
      fetch: async () => Promise.reject(new DOMException('aborted', 'AbortError')),
    };
    await expect(guardLaunch(aborting, handlers).fetch('Patient/p1')).rejects.toThrow();
    expect(onFailure).not.toHaveBeenCalled();
    expect(onWorking).not.toHaveBeenCalled();
  });
});
