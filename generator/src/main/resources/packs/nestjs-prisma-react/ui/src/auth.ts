import { UserManager } from 'oidc-client-ts';

/** The API base URL: VITE_API_URL (default /api, proxied in dev). */
export const BASE = (import.meta.env.VITE_API_URL as string | undefined) ?? '/api';

const KEY = 'session';

/** Who is signed in: the bearer token and what the sign-in page showed about it. */
export interface Session {
  token: string;
  user: string;
  tenant: string;
  roles: string[];
}

/** What GET /auth/config says: dev sign-in on or off, the roles of the app, the OpenID Connect provider. */
export interface AuthConfig {
  devLogin: boolean;
  roles: string[];
  oidc: { issuer: string | null; audience: string | null; clientId: string | null };
}

/** The session lives in sessionStorage: gone with the tab, never shared across browser windows. */
export function currentSession(): Session | null {
  const text = sessionStorage.getItem(KEY);
  return text ? (JSON.parse(text) as Session) : null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

export async function authConfig(): Promise<AuthConfig> {
  const response = await fetch(BASE + '/auth/config');
  if (!response.ok) {
    throw new Error('the API did not answer /auth/config (' + response.status + ')');
  }
  return (await response.json()) as AuthConfig;
}

/** Local use (AUTH_DEV_LOGIN=true on the API): a token for the chosen user, tenant and role. */
export async function devSignIn(user: string, tenant: string, role: string): Promise<Session> {
  const response = await fetch(BASE + '/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: user, tenant, roles: [role] }),
  });
  const data = (await response.json().catch(() => ({}))) as { accessToken?: string; message?: string | string[] };
  if (!response.ok || !data.accessToken) {
    const message = data.message ?? response.statusText;
    throw new Error(Array.isArray(message) ? message.join('; ') : message);
  }
  const session = { token: data.accessToken, user, tenant, roles: [role] };
  saveSession(session);
  return session;
}

/** Production: the authorization-code flow with PKCE against the provider of OIDC_ISSUER (oidc-client-ts). */
function oidcManager(config: AuthConfig): UserManager {
  const { issuer, clientId } = config.oidc;
  if (!issuer || !clientId) {
    throw new Error('the API has no OIDC_ISSUER and OIDC_CLIENT_ID configured');
  }
  return new UserManager({ authority: issuer, client_id: clientId, redirect_uri: window.location.origin + '/sign-in/callback', scope: 'openid profile email' });
}

export function oidcSignIn(config: AuthConfig): Promise<void> {
  return oidcManager(config).signinRedirect();
}

export async function oidcCallback(config: AuthConfig): Promise<Session> {
  const user = await oidcManager(config).signinRedirectCallback();
  const session = { token: user.access_token, user: user.profile.email ?? user.profile.sub, tenant: '', roles: [] };
  saveSession(session);
  return session;
}
