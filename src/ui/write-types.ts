/**
 * The order writer's contract as the screen uses it (src/edge/order-writer.ts).
 */
export type { WriteOrderOptions as WriteOptions, WriteOutcome, WriteStep } from '../edge/order-writer.ts';
