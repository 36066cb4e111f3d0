import { NavLink, Route, Routes } from 'react-router-dom';
import { Dashboard } from './Dashboard';
{#for e in app.entities}
import { {e.names.pascal}Create, {e.names.pascal}Detail, {e.names.pascal}Edit, {e.names.pascal}List } from './entities/{e.names.kebab}';
{/for}

/** Navigation and routes: a list, detail, create and edit view per entity. */
export function App() {
  return (
    <div className="layout">
      <nav>
        <h1>{app.title}</h1>
        <NavLink to="/">Dashboard</NavLink>
{#for e in app.entities}
        <NavLink to="/{e.names.pluralKebab}">{e.pluralLabel}</NavLink>
{/for}
      </nav>
      <main>
        <Routes>
          <Route path="/" element={ <Dashboard /> } />
{#for e in app.entities}
          <Route path="/{e.names.pluralKebab}" element={ <{e.names.pascal}List /> } />
          <Route path="/{e.names.pluralKebab}/new" element={ <{e.names.pascal}Create /> } />
          <Route path="/{e.names.pluralKebab}/:id" element={ <{e.names.pascal}Detail /> } />
          <Route path="/{e.names.pluralKebab}/:id/edit" element={ <{e.names.pascal}Edit /> } />
{/for}
        </Routes>
      </main>
    </div>
  );
}
