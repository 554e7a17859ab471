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

describe('checkExternalUrl: mailto fields', () => {
  it.each([
    ['mailto:desk@example.org?attach=/etc/passwd', 'mailto:desk@example.org'],
    ['mailto:desk@example.org?subject=Tip&attachment=C:%5Cx&body=Hi%20there', 'mailto:desk@example.org?subject=Tip&body=Hi%20there'],
    ['mailto:desk@example.org?ATTACH=~/.ssh/id_rsa&Subject=Tip', 'mailto:desk@example.org?Subject=Tip'],
    ['mailto:desk@example.org?%61ttach=/etc/passwd&cc=a@example.org', 'mailto:desk@example.org?cc=a@example.org'],
    ['mailto:desk@example.org?bcc=spy@example.net&from=boss@example.org&in-reply-to=x', 'mailto:desk@example.org'],
    ['mailto:?to=desk@example.org&%74o=b@example.org&subject=a', 'mailto:?to=desk@example.org&%74o=b@example.org&subject=a'],
    ['mailto:desk@example.org?%zz=1&body=x', 'mailto:desk@example.org?body=x'],
    ['mailto:desk@example.org?subject=a#fragment', 'mailto:desk@example.org?subject=a'],
  ])('keeps only to, cc, subject and body in %j', (raw, expected) => {
    expect(checkExternalUrl(raw)).toEqual({ ok: true, url: expected });
  });
});

describe('checkExternalUrl: this computer and the local network', () => {
  it.each([
    ['http://localhost:8080/admin', 'this computer'],
    ['http://LOCALHOST./', 'this computer'],
    ['http://api.localhost/', 'this computer'],
    ['http://127.0.0.1/', 'this computer'],
    ['http://127.8.9.10:3000/', 'this computer'],
    ['http://2130706433/', 'this computer'],
    ['http://0x7f.1/', 'this computer'],
    ['http://127.1/', 'this computer'],
    ['http://0.0.0.0:9000/', 'this computer'],
    ['http://0/', 'this computer'],
    ['http://[::1]/', 'this computer'],
    ['http://[0:0:0:0:0:0:0:1]/', 'this computer'],
    ['http://[::]/', 'this computer'],
    ['http://[::ffff:127.0.0.1]/', 'this computer'],
    ['http://[::ffff:192.168.0.1]/', 'a private network address'],
    ['http://[64:ff9b::10.0.0.1]/', 'a private network address'],
    ['http://10.0.0.1/', 'a private network address'],
    ['http://10.255.255.255/', 'a private network address'],
    ['http://172.16.0.1/', 'a private network address'],
    ['http://172.31.255.254/', 'a private network address'],
    ['https://192.168.1.1/cgi-bin/reboot', 'a private network address'],
    ['http://100.64.0.1/', 'a private network address'],
    ['http://169.254.169.254/latest/meta-data/', 'a link-local address'],
    ['http://[fc00::1]/', 'a private network address'],
    ['http://[fd12:3456::1]/', 'a private network address'],
    ['http://[fe80::1]/', 'a link-local address'],
    ['http://[febf::1]/', 'a link-local address'],
    ['http://[ff02::1]/', 'a multicast or reserved address'],
    ['http://224.0.0.1/', 'a multicast or reserved address'],
    ['http://255.255.255.255/', 'a multicast or reserved address'],
    ['http://printer.local/', 'a local network name'],
    ['http://nas.home.arpa/', 'a local network name'],
    ['http://intranet/wiki', 'a local network name'],
    ['http://router./', 'a local network name'],
  ])('refuses %j (%s)', (raw, kind) => {
    const result = checkExternalUrl(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(`Links to ${kind} (`);
  });

  it.each([
    ['http://172.15.0.1/'],
    ['http://172.32.0.1/'],
    ['http://192.169.0.1/'],
    ['http://11.0.0.1/'],
    ['http://8.8.8.8/'],
    ['http://[2001:db8::1]/'],
    ['http://[2606:4700::1111]/'],
    ['http://[::ffff:8.8.8.8]/'],
    ['https://local.example.org/'],
    ['https://localhost.example.org/'],
    ['https://example.org./'],
  ])('allows the internet address %j', (raw) => {
    expect(checkExternalUrl(raw).ok).toBe(true);
  });

  it('keeps its message short for a long host name', () => {
    const result = checkExternalUrl(`http://${'a'.repeat(300)}/`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThan(300);
  });
});
