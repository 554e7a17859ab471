import { describe, expect, it } from 'vitest';
import { backupPathsInArgv, createOpenRequests, type OpenRequest } from '../../../electron/main/open-requests';

describe('backups named on the command line', () => {
  it('finds .casebook files among the arguments, resolved, and nothing else', () => {
    expect(backupPathsInArgv(['/opt/Casebook/casebook', '/home/ana/Port case.casebook'], '/home/ana')).toEqual(['/home/ana/Port case.casebook']);
    // Development (`electron .`), Chromium's switches, other files, a relative path from a second launch.
    expect(
      backupPathsInArgv(['/usr/bin/electron', '.', '--no-sandbox', '--flag=x.casebook', 'notes.txt', 'Backups/2024-05-01.CASEBOOK'], '/home/ana'),
    ).toEqual(['/home/ana/Backups/2024-05-01.CASEBOOK']);
    expect(backupPathsInArgv(['casebook.casebook'], '/')).toEqual([]);
  });
});

describe('open requests', () => {
  it('keep what arrives before the page listens, then deliver at once; only recorded paths are known', () => {
    const requests = createOpenRequests();
    expect(requests.add('/home/ana/early.casebook')).toBe(true);
    expect(requests.add('/home/ana/photo.jpg')).toBe(false);
    expect(requests.add('relative.casebook')).toBe(false);
    const delivered: OpenRequest[] = [];
    expect(requests.take((r) => delivered.push(r))).toEqual([{ path: '/home/ana/early.casebook', fileName: 'early.casebook' }]);
    requests.add('/home/ana/later.casebook');
    expect(delivered).toEqual([{ path: '/home/ana/later.casebook', fileName: 'later.casebook' }]);
    // The page reloads: the next one waits for the new page.
    requests.detach();
    requests.add('/home/ana/after-reload.casebook');
    expect(delivered).toHaveLength(1);
    expect(requests.take(() => undefined)).toEqual([{ path: '/home/ana/after-reload.casebook', fileName: 'after-reload.casebook' }]);
    expect(requests.take(() => undefined)).toEqual([]);
    expect(requests.has('/home/ana/early.casebook')).toBe(true);
    expect(requests.has('/etc/passwd')).toBe(false);
  });
});
