/**
 * The build plugin that writes the planning chunk's file name where the app retries its download
 * (scripts/chunk-name-plugin.ts): replaced relative to the chunk holding the placeholder, every occurrence, and a
 * build without the chunk it names fails instead of shipping a retry that cannot work.
 */
import { describe, expect, it } from 'vitest';
import { CHUNK_NAME_PLACEHOLDER, chunkNamePlugin } from '../../scripts/chunk-name-plugin.ts';

type Bundle = Record<string, { type: 'chunk'; fileName: string; facadeModuleId: string | null; code: string }>;

function run(bundle: Bundle): void {
  const hook = chunkNamePlugin('src/ui/plan/planning.ts').generateBundle as (o: unknown, b: Bundle) => void;
  hook.call({}, {}, bundle);
}

describe('chunkNamePlugin', () => {
  it('writes the chunk file name, relative to the chunk that retries it', () => {
    const bundle: Bundle = {
      'assets/ClinicianApp-a.js': {
        type: 'chunk',
        fileName: 'assets/ClinicianApp-a.js',
        facadeModuleId: '/repo/src/ui/ClinicianApp.tsx',
        code: `const a = "${CHUNK_NAME_PLACEHOLDER}"; const b = "${CHUNK_NAME_PLACEHOLDER}";`,
      },
      'assets/planning-b.js': {
        type: 'chunk',
        fileName: 'assets/planning-b.js',
        facadeModuleId: '/repo/src/ui/plan/planning.ts',
        code: 'export {}',
      },
    };
    run(bundle);
    expect(bundle['assets/ClinicianApp-a.js']!.code).toBe('const a = "./planning-b.js"; const b = "./planning-b.js";');
  });

  it('fails the build when the chunk it names is missing', () => {
    const bundle: Bundle = {
      'assets/ClinicianApp-a.js': {
        type: 'chunk',
        fileName: 'assets/ClinicianApp-a.js',
        facadeModuleId: null,
        code: CHUNK_NAME_PLACEHOLDER,
      },
    };
    expect(() => run(bundle)).toThrow(/no chunk for src\/ui\/plan\/planning.ts/);
  });
});
