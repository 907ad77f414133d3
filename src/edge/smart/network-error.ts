/** Whether an error means no response came (browsers reject fetch with a TypeError on network failure). */
export function isNetworkError(e: unknown): boolean {
  return e instanceof TypeError || (typeof e === 'object' && e !== null && (e as Error).name === 'TypeError');
}
