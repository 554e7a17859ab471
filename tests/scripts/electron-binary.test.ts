import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ensureElectron,
  locateElectron,
  missingElectronMessage,
  platformExecutable,
  runElectronInstall,
} from '../../scripts/electron-binary.mjs';

let packageDir: string;
const env = {} as NodeJS.ProcessEnv;

beforeEach(async () => {
  packageDir = await mkdtemp(join(tmpdir(), 'casebook-electron-'));
});
afterEach(async () => {
  await rm(packageDir, { recursive: true, force: true });
});

async function installFakeElectron(dir: string, executable = 'electron') {
  await mkdir(join(dir, 'dist'), { recursive: true });
  await writeFile(join(dir, 'dist', executable), '#!/bin/sh\n', { mode: 0o755 });
  await writeFile(join(dir, 'path.txt'), executable);
}

describe('platformExecutable', () => {
  it('names the executable as electron install.js does', () => {
    expect(platformExecutable('linux')).toBe('electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});

describe('locateElectron', () => {
  it('reports missing when nothing was ever downloaded (no path.txt, no dist)', () => {
    expect(locateElectron({ packageDir, env, platform: 'linux' })).toEqual({
      status: 'missing',
      path: join(packageDir, 'dist', 'electron'),
    });
  });

  it('reports missing when path.txt exists but the binary does not', async () => {
    await writeFile(join(packageDir, 'path.txt'), 'electron.exe');
    expect(locateElectron({ packageDir, env, platform: 'linux' })).toEqual({
      status: 'missing',
      path: join(packageDir, 'dist', 'electron.exe'),
    });
  });

  it('reports present with the path from path.txt', async () => {
    await installFakeElectron(packageDir);
    expect(locateElectron({ packageDir, env, platform: 'linux' })).toEqual({
      status: 'present',
      path: join(packageDir, 'dist', 'electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const override = join(packageDir, 'my-build');
    await mkdir(override);
    await writeFile(join(override, 'electron'), '');
    expect(locateElectron({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'linux' })).toEqual({
      status: 'present',
      path: join(override, 'electron'),
    });
    expect(
      locateElectron({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: join(packageDir, 'nowhere') }, platform: 'linux' }),
    ).toEqual({ status: 'missing', path: join(packageDir, 'nowhere', 'electron') });
  });
});

describe('runElectronInstall and ensureElectron', () => {
  it('captures a failing installer instead of letting its stack trace through', async () => {
    await writeFile(join(packageDir, 'install.js'), "console.error('TypeError: fetch failed\\n    at x'); process.exit(1);");
    const outcome = await runElectronInstall({ packageDir, env, timeoutMs: 10_000 });
    expect(outcome).toEqual({ exitCode: 1, timedOut: false, output: 'TypeError: fetch failed\n    at x\n' });
  });

  it('stops an installer that hangs', async () => {
    await writeFile(join(packageDir, 'install.js'), 'setInterval(() => {}, 1000);');
    const outcome = await runElectronInstall({ packageDir, env, timeoutMs: 200 });
    expect(outcome.timedOut).toBe(true);
  });

  it('tries the install once and finds what it installed', async () => {
    await writeFile(
      join(packageDir, 'install.js'),
      `const fs = require('fs'); fs.mkdirSync('dist'); fs.writeFileSync('dist/electron', ''); fs.writeFileSync('path.txt', 'electron');`,
    );
    let announced = 0;
    const result = await ensureElectron({
      packageDir,
      env,
      platform: 'linux',
      timeoutMs: 10_000,
      onInstallStart: () => announced++,
    });
    expect(announced).toBe(1);
    expect(result.status).toBe('present');
    expect(result.path).toBe(join(packageDir, 'dist', 'electron'));
    expect(result.install?.exitCode).toBe(0);
  });

  it('does not run the installer when Electron is already there', async () => {
    await installFakeElectron(packageDir);
    let announced = 0;
    const result = await ensureElectron({ packageDir, env, platform: 'linux', onInstallStart: () => announced++ });
    expect(result).toMatchObject({ status: 'present', install: null });
    expect(announced).toBe(0);
  });

  it('does not download when the user pointed ELECTRON_OVERRIDE_DIST_PATH somewhere', async () => {
    await writeFile(join(packageDir, 'install.js'), "require('fs').writeFileSync('ran', '')");
    const result = await ensureElectron({
      packageDir,
      env: { ELECTRON_OVERRIDE_DIST_PATH: join(packageDir, 'nowhere') },
      platform: 'linux',
    });
    expect(result).toMatchObject({ status: 'missing', install: null });
  });

  it('reports missing on a machine that cannot download (installer fails)', async () => {
    await writeFile(join(packageDir, 'install.js'), "console.error('TypeError: fetch failed'); process.exit(1);");
    const result = await ensureElectron({ packageDir, env, platform: 'linux', timeoutMs: 10_000 });
    expect(result.status).toBe('missing');
    expect(result.install?.exitCode).toBe(1);
  });
});

describe('missingElectronMessage', () => {
  const failed = { exitCode: 1, timedOut: false, output: 'TypeError: fetch failed\n    at node:internal/deps/undici' };

  it('explains in plain words what is missing, why, and how to get it', () => {
    const message = missingElectronMessage('/repo/node_modules/electron/dist/electron', failed, {});
    expect(message).toContain('the Electron runtime is not installed');
    expect(message).toContain('/repo/node_modules/electron/dist/electron');
    expect(message).toContain('downloads it from GitHub');
    expect(message).toContain('(the installer said: TypeError: fetch failed)');
    expect(message).toContain('npx install-electron');
    expect(message).toContain('node node_modules/electron/install.js');
    expect(message).toContain('ELECTRON_MIRROR');
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    // The stack trace stays out.
    expect(message).not.toContain('undici');
  });

  it('says when the download timed out', () => {
    expect(missingElectronMessage('/x', { exitCode: null, timedOut: true, output: '' }, {})).toContain(
      'did not finish in time',
    );
  });

  it('points at the override when one is set', () => {
    const message = missingElectronMessage('/opt/e/electron', null, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' });
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron there');
    expect(message).toContain('/opt/e/electron');
  });
});
