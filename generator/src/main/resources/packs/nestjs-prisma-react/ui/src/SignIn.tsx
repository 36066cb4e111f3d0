import { FormEvent, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { AuthConfig, authConfig, devSignIn, oidcCallback, oidcSignIn } from './auth';

/** The sign-in page: the dev identity provider when the API offers it, the OpenID Connect provider otherwise. */
export function SignIn() {
  const navigate = useNavigate();
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [user, setUser] = useState('');
  const [tenant, setTenant] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    authConfig().then((c) => {
      setConfig(c);
      setRole(c.roles[0] ?? '');
    }, (e: Error) => setError(e.message));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await devSignIn(user, tenant, role);
      navigate('/');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!config) return error ? <p className="error">{ error }</p> : <p>Loading…</p>;
  return (
    <section className="sign-in">
      <h2>Sign in</h2>
      { error && <p className="error">{ error }</p> }
      { config.devLogin && (
        <form onSubmit={ submit }>
          <p>Development sign-in (AUTH_DEV_LOGIN): choose who you are.</p>
          <label>
            <span>User</span>
            <input name="user" value={ user } required onChange={ (e) => setUser(e.target.value) } />
          </label>
          <label>
            <span>Tenant</span>
            <input name="tenant" value={ tenant } required onChange={ (e) => setTenant(e.target.value) } />
          </label>
          <label>
            <span>Role</span>
            <select name="role" value={ role } onChange={ (e) => setRole(e.target.value) }>
              { config.roles.map((r) => (
                <option key={ r } value={ r }>{ r }</option>
              )) }
            </select>
          </label>
          <button type="submit">Sign in</button>
        </form>
      ) }
      { config.oidc.issuer && config.oidc.clientId && (
        <button onClick={ () => oidcSignIn(config).catch((e: Error) => setError(e.message)) }>Sign in with { config.oidc.issuer }</button>
      ) }
      { !config.devLogin && !(config.oidc.issuer && config.oidc.clientId) && (
        <p className="error">No sign-in is configured: set OIDC_ISSUER, OIDC_AUDIENCE and OIDC_CLIENT_ID on the API (or AUTH_DEV_LOGIN=true for local use).</p>
      ) }
    </section>
  );
}

/** Where the OpenID Connect provider sends the browser back with the authorization code. */
export function SignInCallback() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    authConfig()
      .then(oidcCallback)
      .then(() => navigate('/'), (e: Error) => setError(e.message));
  }, [navigate]);
  return error ? <p className="error">{ error }</p> : <p>Signing in…</p>;
}
