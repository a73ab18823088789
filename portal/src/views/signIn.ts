import { html } from 'lit';

/** The sign-in: Microsoft Entra ID where the build configures it; else the function key or a pasted access token, kept for this tab only. */
export function signInView(message: string | undefined, withEntra: boolean, signIn: (key: string) => void) {
  if (withEntra) {
    return html` <main id="main" class="sign-in">
      <h1>Partner capability</h1>
      <button type="button" @click=${() => signIn('')}>Sign in with Microsoft</button>
      ${message ? html`<p class="error" role="alert" data-error>${message}</p>` : ''}
    </main>`;
  }
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const key = new FormData(event.target as HTMLFormElement).get('key')?.toString() ?? '';
    if (key.trim()) signIn(key);
  };
  return html` <main id="main" class="sign-in">
    <h1>Partner capability</h1>
    <form @submit=${submit} aria-describedby="sign-in-help">
      <label for="key">Function key</label>
      <input id="key" name="key" type="password" autocomplete="off" required autofocus />
      <button type="submit">Sign in</button>
      <p id="sign-in-help" class="muted">
        <code>npm start</code> prints the key. It is kept in this tab's session storage only and sent as <code>x-functions-key</code>. An
        access token pasted here (locally: <code>npm run --silent token -- --role Partner.Reader</code>) is sent as a bearer token instead.
      </p>
      ${message ? html`<p class="error" role="alert" data-error>${message}</p>` : ''}
    </form>
  </main>`;
}
