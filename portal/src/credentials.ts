/**
 * How the portal proves who it is to the API: Entra ID (entra.ts), or the function key or a pasted
 * access token typed once per browser session (auth.ts). The views see only this.
 */
export interface Credentials {
  /** Headers to send with every API call; empty while signed out. */
  headers(): Promise<Record<string, string>>;
  signedIn(): boolean;
  signIn(secret: string): void;
  signOut(): void;
}
