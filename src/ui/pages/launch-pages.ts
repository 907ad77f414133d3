/**
 * The launch page's problem pages (unknown issuer, malformed allow-list, every failure), built here so the launch
 * page loads them on demand: an EHR launch that goes well never downloads them (the 25 KB launch-page budget).
 */
import { h, type ComponentChild } from 'preact';
import type { Problem } from '../../core/problem.ts';
import { describeProblem } from '../strings-problems.ts';
import type { LaunchPageFailureKind } from '../../edge/smart/launch-plan.ts';
import { ConfigErrorPage } from './ConfigErrorPage.tsx';
import { FailurePage } from './FailurePage.tsx';
import { LAUNCH_FAILURE_TEXTS } from './launch-failure-texts.ts';
import { UnknownIssuerPage } from './UnknownIssuerPage.tsx';

/** A launch failure, with the server's own description and the server named when known. */
export function failurePage(
  kind: LaunchPageFailureKind,
  extra: { description?: string; server?: string } = {},
): ComponentChild {
  return h(FailurePage, {
    kind,
    text: LAUNCH_FAILURE_TEXTS[kind],
    ...(extra.description ? { failure: { params: { technical: extra.description } } } : {}),
    ...(extra.server ? { subject: { label: 'Server', value: extra.server } } : {}),
  });
}

/** An `iss` that is not in the allow-list: names it and says how to add it. */
export function unknownIssuerPage(iss: string): ComponentChild {
  return h(UnknownIssuerPage, { iss });
}

/** An allow-list that could not be read (not loaded, or not JSON): the launch failure page, saying why. */
export function configUnreadablePage(problem: Problem): ComponentChild {
  return failurePage('config-unreadable', { description: describeProblem(problem) });
}

/** A malformed allow-list: names the file and each bad field. */
export function configErrorPage(file: string, errors: Parameters<typeof ConfigErrorPage>[0]['errors']): ComponentChild {
  return h(ConfigErrorPage, { file, errors });
}
