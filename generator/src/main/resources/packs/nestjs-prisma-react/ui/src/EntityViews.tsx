import { FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, Page, Row, api, totalText } from './api';
import type { EntityDescriptor, FieldDescriptor } from './model';
import { toPayload, validate } from './validation';
import { LinkSelect } from './LinkSelect';
import { ReferenceLabel, ReferenceSelect } from './ReferenceSelect';

/** Typing pauses this long before the list asks the API (one request per pause, not per key). */
const SEARCH_DEBOUNCE_MS = 300;

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** List view: server-side search (?q=, debounced), sort, paging; rows link to their detail view. */
export function EntityList({ entity }: { entity: EntityDescriptor }) {
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState('createdAt:desc');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [data, setData] = useState<Page<Row> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      setPage(1);
      setQ(typed.trim());
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: '20', sort });
    if (q) params.set('q', q);
    let current = true;
    api.list(entity.route, params).then((d) => current && setData(d), (e: Error) => current && setError(e.message));
    // an answer to an older query that arrives late must not replace the newer one
    return () => {
      current = false;
    };
  }, [entity.route, page, sort, q]);

  const columns = entity.listColumns.map((name) => entity.fields.find((f) => f.name === name)!).filter(Boolean);
  const toggleSort = (name: string) => setSort(sort === name + ':asc' ? name + ':desc' : name + ':asc');
  // a capped total (1000+) or a full page with a next one: more pages than counted may follow
  const pages = data ? Math.max(1, Math.ceil((data.total ?? 0) / data.pageSize)) : 1;
  const hasNext = data ? data.next !== null : false;

  return (
    <section>
      <header className="bar">
        <h2>{ entity.pluralLabel }</h2>
        { entity.searchable && <input type="search" name="q" placeholder="Search" value={ typed } onChange={ (e) => setTyped(e.target.value) } /> }
        <Link to={ '/' + entity.route + '/new' }>New { entity.label }</Link>
      </header>
      { error && <p className="error">{ error }</p> }
      <table>
        <thead>
          <tr>
            { columns.map((c) => (
              <th key={ c.name } onClick={ () => toggleSort(c.name) }>{ c.label }</th>
            )) }
          </tr>
        </thead>
        <tbody>
          { data?.items.map((row) => (
            <tr key={ row.id }>
              { columns.map((c, i) => (
                <td key={ c.name }>{ i === 0 ? <Link to={ '/' + entity.route + '/' + row.id }>{ show(row[c.name]) || row.id }</Link> : show(row[c.name]) }</td>
              )) }
            </tr>
          )) }
        </tbody>
      </table>
      <footer className="bar">
        <button disabled={ page <= 1 } onClick={ () => setPage(page - 1) }>Previous</button>
        <span>Page { page } of { pages }{ data?.totalCapped ? '+' : '' } ({ data ? totalText(data) : 0 })</span>
        <button disabled={ !hasNext } onClick={ () => setPage(page + 1) }>Next</button>
      </footer>
    </section>
  );
}

/** Detail view: every field, edit and delete. */
export function EntityDetail({ entity }: { entity: EntityDescriptor }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [row, setRow] = useState<Row | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.get(entity.route, id).then(setRow, (e: Error) => setError(e.message));
  }, [entity.route, id]);

  const remove = async () => {
    if (!window.confirm('Delete this ' + entity.label.toLowerCase() + '? This cannot be undone.')) return;
    try {
      await api.remove(entity.route, id);
      navigate('/' + entity.route);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (error) return <p className="error">{ error }</p>;
  if (!row) return <p>Loading…</p>;
  return (
    <section>
      <header className="bar">
        <h2>{ entity.label }: { show(row[entity.titleField]) || row.id }</h2>
        <Link to={ '/' + entity.route + '/' + id + '/edit' }>Edit</Link>
        <button onClick={ remove }>Delete</button>
      </header>
      <dl>
        { entity.fields.map((f) => (
          <div key={ f.name }>
            <dt>{ f.label }</dt>
            <dd>{ show(row[f.name]) }</dd>
          </div>
        )) }
        { entity.references.map((r) => (
          <div key={ r.name }>
            <dt>{ r.label }</dt>
            <dd>{ row[r.name] ? <Link to={ '/' + r.route + '/' + show(row[r.name]) }><ReferenceLabel reference={ r } id={ show(row[r.name]) } /></Link> : '' }</dd>
          </div>
        )) }
      </dl>
    </section>
  );
}

function Input({ field, value, onChange }: { field: FieldDescriptor; value: unknown; onChange: (v: unknown) => void }) {
  if (field.input === 'checkbox') {
    return <input type="checkbox" name={ field.name } checked={ value === true } onChange={ (e) => onChange(e.target.checked) } />;
  }
  if (field.input === 'select') {
    return (
      <select name={ field.name } value={ show(value) } onChange={ (e) => onChange(e.target.value) } required={ field.required }>
        <option value="" />
        { field.options?.map((o) => (
          <option key={ o } value={ o }>{ o }</option>
        )) }
      </select>
    );
  }
  if (field.input === 'textarea') {
    return <textarea name={ field.name } value={ show(value) } maxLength={ field.maxLength } onChange={ (e) => onChange(e.target.value) } />;
  }
  return (
    <input
      name={ field.name }
      type={ field.sensitive ? 'password' : field.input }
      value={ show(value) }
      min={ field.min }
      max={ field.max }
      minLength={ field.minLength }
      maxLength={ field.maxLength }
      pattern={ field.pattern }
      step={ field.valueType === 'number' && !field.integer ? 'any' : undefined }
      onChange={ (e) => onChange(e.target.value) }
    />
  );
}

/** Create and edit view: validates as the API does before sending. */
export function EntityForm({ entity, editing = false }: { entity: EntityDescriptor; editing?: boolean }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);

  useEffect(() => {
    if (editing) {
      api.get(entity.route, id).then(setValues, (e: Error) => setServerError(e.message));
    }
  }, [editing, entity.route, id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(entity, values, editing);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const body = toPayload(entity, values, editing);
      const saved = editing ? await api.update(entity.route, id, body) : await api.create(entity.route, body);
      navigate('/' + entity.route + '/' + saved.id);
    } catch (e) {
      setServerError(e instanceof ApiError ? e.messages.join('; ') : (e as Error).message);
    }
  };

  return (
    <form onSubmit={ submit } noValidate>
      <h2>{ editing ? 'Edit' : 'New' } { entity.label }</h2>
      { serverError && <p className="error">{ serverError }</p> }
      { entity.fields.map((f) => (
        <label key={ f.name }>
          <span>{ f.label }{ f.required ? ' *' : '' }</span>
          <Input field={ f } value={ values[f.name] } onChange={ (v) => setValues({ ...values, [f.name]: v }) } />
          { errors[f.name] && <small className="error">{ errors[f.name] }</small> }
        </label>
      )) }
      { entity.references.map((r) => (
        <label key={ r.name }>
          <span>{ r.label }{ r.required ? ' *' : '' }</span>
          <ReferenceSelect reference={ r } value={ show(values[r.name]) } onChange={ (id) => setValues({ ...values, [r.name]: id }) } />
          { errors[r.name] && <small className="error">{ errors[r.name] }</small> }
        </label>
      )) }
      { entity.links.map((l) => (
        <LinkSelect key={ l.name } link={ l } value={ (values[l.name] as string[] | undefined) ?? [] } onChange={ (ids) => setValues({ ...values, [l.name]: ids }) } />
      )) }
      <button type="submit">Save</button>
    </form>
  );
}
