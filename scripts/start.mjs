import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { ensureElectron, missingElectronMessage } from './electron-binary.mjs';

/**
 * `npm start`: find Electron, build, launch. Electron is looked for first so
 * a machine without it gets a plain explanation in a second, not after a
 * full renderer build. `--skip-renderer` reuses the dist/renderer already built.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const skipRenderer = process.argv.includes('--skip-renderer');

const electron = await ensureElectron({
  packageDir: join(root, 'node_modules', 'electron'),
  // The runtime is about 100 MB; give a slow connection time, but not forever.
  timeoutMs: 10 * 60_000,
  onInstallStart: () => console.error('The Electron runtime is not installed yet; trying to download it once…'),
});
if (electron.status === 'missing') {
  console.error(missingElectronMessage(electron.path, electron.install));
  process.exit(1);
}

try {
  if (!skipRenderer) {
    const { build } = await import('vite');
    // The config sets the renderer's own root and outDir; an inline `root` here would override it.
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  await buildElectron();
} catch (error) {
  // Vite and esbuild have printed the details already.
  console.error(`\nCasebook was not started: the build failed (${error instanceof Error ? error.message.split('\n')[0] : error}).`);
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE, if set in the shell, would make Electron behave as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Could not launch Electron at ${electron.path}: ${error.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => {
  if (code === null) {
    console.error(`Electron exited with signal ${signal}.`);
    process.exit(1);
  }
  process.exit(code);
});
