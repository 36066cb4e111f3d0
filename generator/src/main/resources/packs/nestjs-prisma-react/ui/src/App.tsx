import type { ReactNode } from 'react';
import { NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { currentSession, signOut } from './auth';
import { Dashboard } from './Dashboard';
import { SignIn, SignInCallback } from './SignIn';
{#for e in app.entities}
import { {e.names.pascal}Create, {e.names.pascal}Detail, {e.names.pascal}Edit, {e.names.pascal}List } from './entities/{e.names.kebab}';
{/for}

/** Everything but the sign-in pages needs a session. */
function Protected({ children }: { children: ReactNode }) {
  return currentSession() ? <>{ children }</> : <Navigate to="/sign-in" replace />;
}

/** Who is signed in (read again on every navigation, so signing in or out shows at once). */
function SignedIn() {
  const navigate = useNavigate();
  useLocation();
  const session = currentSession();
  if (!session) return null;
  return (
    <p className="session">
      { session.user }{ session.tenant ? ' @ ' + session.tenant : '' }{ ' ' }
      <button onClick={ () => { signOut(); navigate('/sign-in'); } }>Sign out</button>
    </p>
  );
}

/** Navigation and routes: sign-in, and a list, detail, create and edit view per entity. */
export function App() {
  return (
    <div className="layout">
      <nav>
        <h1>{app.title}</h1>
        <SignedIn />
        <NavLink to="/">Dashboard</NavLink>
{#for e in app.entities}
        <NavLink to="/{e.names.pluralKebab}">{e.pluralLabel}</NavLink>
{/for}
      </nav>
      <main>
        <Routes>
          <Route path="/sign-in" element={ <SignIn /> } />
          <Route path="/sign-in/callback" element={ <SignInCallback /> } />
          <Route path="/" element={ <Protected><Dashboard /></Protected> } />
{#for e in app.entities}
          <Route path="/{e.names.pluralKebab}" element={ <Protected><{e.names.pascal}List /></Protected> } />
          <Route path="/{e.names.pluralKebab}/new" element={ <Protected><{e.names.pascal}Create /></Protected> } />
          <Route path="/{e.names.pluralKebab}/:id" element={ <Protected><{e.names.pascal}Detail /></Protected> } />
          <Route path="/{e.names.pluralKebab}/:id/edit" element={ <Protected><{e.names.pascal}Edit /></Protected> } />
{/for}
        </Routes>
      </main>
    </div>
  );
}
