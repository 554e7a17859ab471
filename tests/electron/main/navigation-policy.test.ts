import { describe, expect, it } from 'vitest';
import { decideNavigation, decideRedirect, decideWindowOpen } from '../../../electron/main/navigation-policy';

describe('decideNavigation', () => {
  it('lets frames move within the app', () => {
    expect(decideNavigation('casebook://app/index.html', true)).toEqual({ allow: true });
    expect(decideNavigation('casebook://app/index.html#/notes/1', false)).toEqual({ allow: true });
  });

  it('sends a main-frame click on a safe link to the system browser', () => {
    expect(decideNavigation('https://example.org/story', true)).toEqual({
      allow: false,
      openExternally: 'https://example.org/story',
    });
    expect(decideNavigation('mailto:desk@example.org', true)).toEqual({
      allow: false,
      openExternally: 'mailto:desk@example.org',
    });
  });

  it('drops a subframe trying to leave, without opening anything', () => {
    expect(decideNavigation('https://example.org/', false)).toEqual({ allow: false, openExternally: null });
  });

  it.each([['file:///etc/passwd'], ['javascript:alert(1)'], ['ms-msdt:/id x'], ['casebook://other/'], ['data:text/html,x']])(
    'drops %j and opens nothing',
    (url) => expect(decideNavigation(url, true)).toEqual({ allow: false, openExternally: null }),
  );
});

describe('decideRedirect', () => {
  it('allows redirects inside the app only', () => {
    expect(decideRedirect('casebook://app/index.html')).toBe(true);
    expect(decideRedirect('https://example.org/')).toBe(false);
    expect(decideRedirect('file:///etc/passwd')).toBe(false);
  });
});

describe('decideWindowOpen', () => {
  it('never opens a window, but hands safe links to the system browser', () => {
    expect(decideWindowOpen('https://example.org/x')).toEqual({ action: 'deny', openExternally: 'https://example.org/x' });
    expect(decideWindowOpen('casebook://app/index.html')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('about:blank')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('https://u:p@example.org/')).toEqual({ action: 'deny', openExternally: null });
  });
});
