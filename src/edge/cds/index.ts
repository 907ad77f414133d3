/** Public surface of the CDS Hooks service (node:http handler, allow-list, JWT, feedback store). */
export { createCdsHandler, type CdsHandler, type CdsServiceOptions } from './service.ts';
export { loadClients, parseClients, type CdsClient } from './clients.ts';
export { discovery, SERVICES, PREFETCH, type ServiceId } from './discovery.ts';
export { jsonlStore, memoryStore, parseFeedback, type FeedbackRecord, type FeedbackStore } from './feedback.ts';
export { JwtVerifier, type JwtFailure } from './jwt.ts';
export { chartForCall } from './prefetch.ts';
