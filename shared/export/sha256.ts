/** Hex sha256 of bytes, with Web Crypto: the same in the renderer, in main and in tests. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
