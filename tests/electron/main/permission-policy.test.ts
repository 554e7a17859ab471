import { describe, expect, it } from 'vitest';
import { decidePermission } from '../../../electron/main/permission-policy';

describe('decidePermission', () => {
  it('grants persistent storage to the app, so navigator.storage.persist() can succeed', () => {
    expect(decidePermission('persistent-storage', 'casebook://app')).toBe(true);
    expect(decidePermission('persistent-storage', 'casebook://app/index.html')).toBe(true);
  });

  it('grants clipboard writes (not reads) to the app', () => {
    expect(decidePermission('clipboard-sanitized-write', 'casebook://app')).toBe(true);
    expect(decidePermission('clipboard-read', 'casebook://app')).toBe(false);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'openExternal',
    'fullscreen',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'local-fonts',
    'window-management',
    'fileSystem',
    'unknown',
  ])('refuses %s even to the app', (permission) => {
    expect(decidePermission(permission, 'casebook://app')).toBe(false);
  });

  it.each([['https://example.org'], ['file:///'], ['null'], [''], [undefined]])(
    'refuses even persistent storage to %j',
    (origin) => {
      expect(decidePermission('persistent-storage', origin)).toBe(false);
    },
  );
});
