import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds the Electron executable the way node_modules/electron/index.js does,
 * but without its side effect: requiring 'electron' from Node downloads the
 * binary when it is missing and throws a stack trace when that fails.
 */

/** The executable's path inside the Electron dist folder, as electron's install.js names it. */
export function platformExecutable(platform = process.platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * @param {{ packageDir: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform }} options
 * @returns {{ status: 'present', path: string } | { status: 'missing', path: string }}
 */
export function locateElectron({ packageDir, env = process.env, platform = process.platform }) {
  const pathFile = join(packageDir, 'path.txt');
  // path.txt is written by install.js after a successful download; before that
  // we know what the name would be.
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformExecutable(platform);
  const path = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable)
    : join(packageDir, 'dist', executable);
  return existsSync(path) ? { status: 'present', path } : { status: 'missing', path };
}

/**
 * Runs electron's own install.js once, capturing its output (on failure it
 * prints a stack trace we don't want in front of the user). Resolves, never
 * rejects: whether it worked is for `locateElectron` to say afterwards.
 * @returns {Promise<{ exitCode: number | null, timedOut: boolean, output: string }>}
 */
export function runElectronInstall({ packageDir, timeoutMs = 120_000, env = process.env }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], {
      cwd: packageDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, timedOut, output: output + String(error) });
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, timedOut, output });
    });
  });
}

/** Locates Electron, trying one install first if it isn't there. */
export async function ensureElectron({
  packageDir,
  env = process.env,
  platform = process.platform,
  timeoutMs,
  onInstallStart = () => {},
}) {
  const found = locateElectron({ packageDir, env, platform });
  // With an override the user chose their own build; downloading ours would not help.
  if (found.status === 'present' || env.ELECTRON_OVERRIDE_DIST_PATH) return { ...found, install: null };
  onInstallStart();
  const install = await runElectronInstall({ packageDir, env, timeoutMs });
  return { ...locateElectron({ packageDir, env, platform }), install };
}

/** What `npm start` tells a person when there is no Electron to run. */
export function missingElectronMessage(expectedPath, install, env = process.env) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return [
      'Casebook cannot start: ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron there.',
      '',
      `Looked for ${expectedPath}.`,
      'Point ELECTRON_OVERRIDE_DIST_PATH at the folder that holds the Electron executable,',
      'or unset it to use the copy the electron package installs.',
    ].join('\n');
  }
  const said = install?.output.trim().split('\n')[0];
  const why = !install
    ? ''
    : install.timedOut
      ? 'Downloading it just now did not finish in time.'
      : `Downloading it just now failed, most likely because this machine cannot reach GitHub${said ? ` (the installer said: ${said})` : ''}.`;
  return [
    'Casebook cannot start: the Electron runtime is not installed.',
    '',
    `It should be at ${expectedPath}.`,
    'The electron package downloads it from GitHub the first time it is needed.',
    ...(why ? [why] : []),
    '',
    'To get it, do one of these:',
    '  - on a machine with internet access, run `npx install-electron`',
    '    (or `node node_modules/electron/install.js`) in this folder;',
    '  - set ELECTRON_MIRROR to a mirror you can reach, then run the same command;',
    '  - set ELECTRON_OVERRIDE_DIST_PATH to the folder of an Electron build you',
    '    already have, then run `npm start` again.',
  ].join('\n');
}
