import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../../electron/main/app-url';

describe('isAppUrl', () => {
  it.each([[APP_ENTRY_URL], [APP_ORIGIN], ['casebook://app/'], ['casebook://app/assets/index-abc.js'], ['casebook://APP/x']])(
    'accepts %j',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    ['casebook://evil/index.html'],
    ['casebook://app.evil/index.html'],
    ['casebook://app:8080/index.html'],
    ['casebook://user@app/index.html'],
    ['casebook:app/index.html'],
    ['https://app/index.html'],
    ['file:///work/main/dist/renderer/index.html'],
    ['http://localhost:5173/'],
    ['null'],
    [''],
    [undefined],
    [null],
  ])('refuses %j', (url) => expect(isAppUrl(url)).toBe(false));
});
