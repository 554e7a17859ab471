import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../electron/services/external-url';

describe('checkExternalUrl', () => {
  it.each([
    ['https://example.org/path?q=1#x', 'https://example.org/path?q=1#x'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/A', 'https://example.org/A'],
    ['mailto:desk@example.org?subject=Tip', 'mailto:desk@example.org?subject=Tip'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
  ])('allows %j as %j', (raw, normalized) => {
    expect(checkExternalUrl(raw)).toEqual({ ok: true, url: normalized });
  });

  it('trims surrounding whitespace and strips tabs and newlines inside, as browsers do', () => {
    expect(checkExternalUrl('  \n https://example.org/a \t')).toEqual({ ok: true, url: 'https://example.org/a' });
    expect(checkExternalUrl('https://exa\tmple.org/')).toEqual({ ok: true, url: 'https://example.org/' });
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    [' javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['file:///etc/passwd'],
    ['file://server/share/x.exe'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['ms-msdt:/id PCWDiagnostic /skip force'],
    ['search-ms:query=x'],
    ['smb://server/share'],
    ['ftp://example.org/file'],
    ['blob:https://example.org/uuid'],
    ['casebook://app/index.html'],
  ])('refuses the scheme of %j', (raw) => {
    const result = checkExternalUrl(raw);
    expect(result.ok).toBe(false);
  });

  it('says which kind of link was refused', () => {
    expect(checkExternalUrl('ms-msdt:/id x')).toEqual({
      ok: false,
      reason: 'Links of type ms-msdt: are not opened outside Casebook.',
    });
  });

  it.each([['/relative/path'], ['relative'], ['example.org'], ['//example.org/x'], ['#anchor'], [''], ['   '], ['http://']])(
    'refuses %j, which is not an absolute address',
    (raw) => {
      expect(checkExternalUrl(raw).ok).toBe(false);
    },
  );

  it.each([['https://user:pass@example.org/'], ['https://user@example.org/'], ['http://:secret@example.org/']])(
    'refuses embedded credentials in %j',
    (raw) => {
      expect(checkExternalUrl(raw)).toEqual({ ok: false, reason: 'Links with embedded credentials are not opened.' });
    },
  );

  it('keeps the refusal message short for a huge input', () => {
    const result = checkExternalUrl('x'.repeat(5000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThan(120);
  });
});
