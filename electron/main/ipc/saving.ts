import { fail } from '../../../shared/ipc/result';

/** A write failure as the user should read it, with the code the renderer can act on. */
export function writeFailure(error: unknown, path: string) {
  const code = (error as { code?: string }).code;
  if (code === 'not-writable' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'ENOENT') {
    return fail('not-writable', `Could not save to ${path}: the folder cannot be written to. Choose another folder.`);
  }
  if (code === 'disk-full' || code === 'ENOSPC') return fail('disk-full', `Could not save to ${path}: the disk is full. Nothing was written.`);
  return fail('io', `Could not save to ${path}: ${(error as Error).message}`);
}

/** A file name suggestion from a title: no path separators or characters file systems refuse. */
export function safeFileName(name: string): string {
  const clean = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return clean.slice(0, 120) || 'Casebook export';
}
