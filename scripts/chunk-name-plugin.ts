/**
 * A build plugin (vite.config.ts, build.rollupOptions.plugins) that writes a chunk's file name into the code that
 * retries its download: `CHUNK_NAME_PLACEHOLDER` becomes "./planning-<hash>.js" (relative to the chunk that holds
 * the placeholder). Why: a dynamic import() that failed stays failed for that URL in today's browsers (the module
 * map keeps the failure: whatwg/html issue 6768; the spec changed in whatwg/html pull 10327, browsers have yet to
 * ship it), so retrying after a network error must ask for the same file under another URL (a query).
 * The chunk's own hash already covers the name: the chunk imports the file, so replacing after hashing is safe.
 */
import { dirname, relative } from 'node:path';
import type { Plugin } from 'vite';

/** The placeholder's text in the source (src/ui/real-services.ts). */
export const CHUNK_NAME_PLACEHOLDER = '__LDN_PLANNING_CHUNK__';

interface OutputChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  code?: string;
}

/** Replaces the placeholder with the file name of the chunk whose entry module ends with `entry`. */
export function chunkNamePlugin(entry: string): Plugin {
  return {
    name: 'ldn-chunk-name',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle) as OutputChunkLike[];
      const target = chunks.find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(entry));
      const holders = chunks.filter((c) => c.type === 'chunk' && c.code?.includes(CHUNK_NAME_PLACEHOLDER));
      if (holders.length === 0) return; // a build without the app page (nothing to fill in)
      if (!target) throw new Error(`chunk-name-plugin: no chunk for ${entry}`);
      for (const holder of holders) {
        const rel = relative(dirname(holder.fileName), target.fileName).split('\\').join('/');
        holder.code = holder.code!.split(CHUNK_NAME_PLACEHOLDER).join(rel.startsWith('.') ? rel : `./${rel}`);
      }
    },
  };
}
