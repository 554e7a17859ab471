/**
 * Playwright bindings carry JSON, where Electron's IPC carries structured
 * clones; bytes (a dropped file) cross as `{ __bytes: base64 }` and are
 * turned back into a Uint8Array before main's dispatcher sees them.
 */
export function decodeBytes(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object') return payload;
  if ('__bytes' in payload && typeof (payload as { __bytes: unknown }).__bytes === 'string') {
    return new Uint8Array(Buffer.from((payload as { __bytes: string }).__bytes, 'base64'));
  }
  if (Array.isArray(payload)) return payload.map(decodeBytes);
  return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, decodeBytes(v)]));
}

/** The page side: runs inside harness-preload before a payload is sent. */
export function encodeBytes(payload: unknown): unknown {
  if (payload instanceof Uint8Array) {
    let binary = '';
    for (let i = 0; i < payload.length; i += 0x8000) binary += String.fromCharCode(...payload.subarray(i, i + 0x8000));
    return { __bytes: btoa(binary) };
  }
  if (!payload || typeof payload !== 'object') return payload;
  if (Array.isArray(payload)) return payload.map(encodeBytes);
  return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, encodeBytes(v)]));
}
