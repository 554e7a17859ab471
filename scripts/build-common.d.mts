export function findRepoRoot(fromUrl: string): string;
export function nodeEsmOptions(root: string): Record<string, unknown>;
