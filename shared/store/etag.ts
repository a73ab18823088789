/** ETags travel quoted in HTTP; the emulator stores them bare. Compare and answer in one form. */
export function quoted(etag: string): string {
  return etag.startsWith('"') || etag.startsWith('W/') ? etag : `"${etag}"`;
}

export function sameEtag(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && quoted(a) === quoted(b);
}
