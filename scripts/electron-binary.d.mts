export type ElectronLocation = { status: 'present'; path: string } | { status: 'missing'; path: string };
export interface InstallOutcome {
  exitCode: number | null;
  timedOut: boolean;
  output: string;
}
export interface LocateOptions {
  packageDir: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export function platformExecutable(platform?: NodeJS.Platform): string;
export function locateElectron(options: LocateOptions): ElectronLocation;
export function runElectronInstall(options: {
  packageDir: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}): Promise<InstallOutcome>;
export function ensureElectron(
  options: LocateOptions & { timeoutMs?: number; onInstallStart?: () => void },
): Promise<ElectronLocation & { install: InstallOutcome | null }>;
export function missingElectronMessage(
  expectedPath: string,
  install: InstallOutcome | null,
  env?: NodeJS.ProcessEnv,
): string;
