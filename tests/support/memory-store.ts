/** A Map-backed stand-in for sessionStorage (the KeyValueStore the launch modules take), with the map exposed. */
import type { KeyValueStore } from '../../src/edge/smart/scope-retry.ts';

export function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}
