import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|css|json|svg|html)$/;
const MIN_BYTES = 1024;

/**
 * Writes `x.js.br` and `x.js.gz` beside every hashed asset, compressed once at the highest
 * levels, for the server to send as they are (apps/server/src/static.ts): smaller than what it
 * could compress on the fly, and no work per request.
 */
export function precompressAssets(): Plugin {
  return {
    name: 'palmares:precompress-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!fileName.startsWith('assets/') || !COMPRESSIBLE.test(fileName)) continue;
        const content = output.type === 'chunk' ? Buffer.from(output.code) : Buffer.from(output.source);
        if (content.byteLength < MIN_BYTES) continue;
        const path = join(outDir, fileName);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
            },
          }),
        );
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * Fails the build when a package of `packages` lands in the JavaScript loaded before the first
 * screen (the entry and what it imports statically): the juror's tablet has a budget of 160 KB
 * of gzipped JavaScript before its scorecard, and zod alone is about 30 KB of it.
 */
export function keepOffFirstLoad(packages: readonly string[], hint: string): Plugin {
  const inPackage = new RegExp(`node_modules[\\\\/](?:${packages.join('|')})[\\\\/]`);
  return {
    name: 'palmares:keep-off-first-load',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
      const pending = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
      const seen = new Set<string>();
      while (pending.length > 0) {
        const chunk = chunks.get(pending.pop() ?? '');
        if (!chunk || seen.has(chunk.fileName)) continue;
        seen.add(chunk.fileName);
        const found = chunk.moduleIds.find((id) => inPackage.test(id));
        if (found) this.error(`${found} is in ${chunk.fileName}, loaded before the first screen. ${hint}`);
        pending.push(...chunk.imports);
      }
    },
  };
}

/**
 * Finds the modules the entry imports statically, directly or not: what a browser loads before
 * the first screen. `has(id)` answers once the module graph is built, which is before chunks are
 * made, so a chunk group can keep to it (a library only a lazily loaded screen uses then goes
 * with that screen instead of into the first load).
 */
export function firstLoadModules(): { plugin: Plugin; has: (id: string) => boolean } {
  const modules = new Set<string>();
  const plugin: Plugin = {
    name: 'palmares:first-load-modules',
    apply: 'build',
    buildEnd() {
      modules.clear();
      const pending = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      while (pending.length > 0) {
        const id = pending.pop() ?? '';
        if (modules.has(id)) continue;
        modules.add(id);
        pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  return { plugin, has: (id) => modules.has(id) };
}

/**
 * Adds the entry `name` to index.html as a classic script right after the title, ahead of the
 * app's scripts and styles: the browser runs it as soon as it arrives (its preload scanner has
 * already asked for everything after it), while the app's JavaScript is still downloading. An
 * `async` script would not do: browsers may hold those back until the page's other scripts ran.
 * The entry must import nothing (a classic script cannot).
 */
export function earlyScript(name: string): Plugin {
  return {
    name: 'palmares:early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find((o) => o.type === 'chunk' && o.isEntry && o.name === name);
        if (!chunk || chunk.type !== 'chunk') throw new Error(`no entry chunk named ${name}`);
        if (chunk.imports.length > 0) throw new Error(`${chunk.fileName} imports ${chunk.imports.join(', ')}: a classic script cannot`);
        if (!html.includes('</title>')) throw new Error('index.html has no <title>');
        return html.replace('</title>', `</title>\n    <script src="/${chunk.fileName}"></script>`);
      },
    },
  };
}
