/**
 * Bundles the CLI (`node src/cli/build.ts`, run by `npm install` and `npm start` through the
 * `prepare` script): src/cli/main.ts and everything it imports, lazily or not, become a few
 * plain JavaScript files in node_modules/.cache/coop-cli/, which bin/coop.js runs when they are
 * up to date. Node then neither strips types nor resolves hundreds of small modules at every
 * start, which was most of a command's start-up.
 *
 * - Code splitting keeps each command's `await import(...)` lazy: a command's code and the
 *   packages only it uses are in chunks of their own.
 * - Packages that find files next to their own code (PGlite's WASM and data files, argon2's
 *   native addon, pdfkit's fonts, pino's worker transports, vite) stay external: Node loads them
 *   from node_modules as before.
 * - Our own modules that locate files from `import.meta.url` (the migrations, the web app's
 *   build) get the URL of their source file, computed relative to the chunk they end up in.
 * - A manifest lists every source file bundled, with its size and modification time: when any
 *   differs (a source edited since the build), bin/coop.js runs the TypeScript sources instead,
 *   so the bundle is never stale.
 *
 * Without esbuild (installed with --omit=dev) the build is skipped and the sources run.
 * `--stats` prints the bundle's outputs and what went into them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where bin/coop.js looks for the bundle and its manifest. */
export const bundleDir = path.join(root, 'node_modules/.cache/coop-cli');

/**
 * manifest.json, as bin/coop.js reads it: each source file bundled (relative to the repository)
 * with its size and modification time when the bundle was built.
 */
export interface Manifest {
  sources: Record<string, [size: number, mtimeMs: number]>;
}

/** Packages that must be loaded from node_modules, not copied into the bundle (see above). */
export const externalPackages = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  'pdfkit',
  'pino',
  'thread-stream',
  'vite',
  '@vitejs/plugin-react',
  'playwright-core',
  'pg-native',
];

async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    return undefined;
  }
}

export async function buildCli(
  options: { stats?: boolean; outdir?: string } = {},
): Promise<boolean> {
  const target = options.outdir ?? bundleDir;
  const esbuild = await loadEsbuild();
  if (!esbuild) {
    console.error('coop: esbuild is not installed; the CLI will run from its TypeScript sources.');
    fs.rmSync(target, { recursive: true, force: true });
    return false;
  }
  // Built beside the target and moved in at the end, so that a coop process running the old
  // bundle meanwhile finds its lazily loaded chunks. The same depth keeps relative paths valid.
  const outdir = `${target}.build-${process.pid}`;
  fs.rmSync(outdir, { recursive: true, force: true });
  const stamps: Manifest['sources'] = {};
  const stamp = (file: string) => {
    const stat = fs.statSync(file);
    stamps[path.relative(root, file).split(path.sep).join('/')] = [stat.size, stat.mtimeMs];
  };
  const sourcesPlugin = {
    name: 'coop-sources',
    setup(build: import('esbuild').PluginBuild) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        // Stamped before it is read: a file edited during the build then counts as changed.
        stamp(args.path);
        const text = fs.readFileSync(args.path, 'utf8');
        // Every chunk is written to outdir itself, so one relative path serves all of them.
        const relative = path.relative(outdir, args.path).split(path.sep).join('/');
        return {
          contents: text.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(relative)}, import.meta.url).href`,
          ),
          loader: 'ts',
        };
      });
    },
  };
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22.18',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    external: externalPackages.flatMap((p) => [p, `${p}/*`]),
    // Bundled CommonJS packages call require() for Node's built-in modules.
    banner: {
      js: "import { createRequire as __coopCreateRequire } from 'node:module'; const require = __coopCreateRequire(import.meta.url);",
    },
    plugins: [sourcesPlugin],
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // Bundled packages change only with an install, which rewrites npm's own lock file.
  stamp(path.join(root, 'node_modules/.package-lock.json'));
  const manifest: Manifest = { sources: stamps };
  // Which sources each chunk holds: cliLoads.test.ts maps loaded chunks back to modules.
  fs.writeFileSync(path.join(outdir, 'metafile.json'), JSON.stringify(result.metafile));
  // Written last: a build that failed half-way leaves no manifest, so the sources run.
  fs.writeFileSync(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(outdir, target);
  if (options.stats) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      const sources = Object.keys(output.inputs);
      console.log(
        `${path.basename(file)} ${(output.bytes / 1024).toFixed(0)} KiB, ${sources.length} modules`,
      );
    }
  }
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli({ stats: process.argv.includes('--stats') });
}
