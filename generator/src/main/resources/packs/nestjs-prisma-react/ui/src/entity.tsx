import { EntityDetail, EntityForm, EntityList } from '../EntityViews';
import type { EntityDescriptor } from '../model';

/** {e.description} */
export const {e.names.camel}: EntityDescriptor = {
  name: '{e.name}',
  label: '{e.label}',
  pluralLabel: '{e.pluralLabel}',
  route: '{e.names.pluralKebab}',
  titleField: '{e.titleProperty}',
  searchable: {e.searchable},
  listColumns: {e.listColumnsLiteral},
  fields: [
{#for f in e.fields}
    {f.ui.descriptor},
{/for}
  ],
  references: [
{#for r in e.foreignKeys}
    { name: '{r.fkProperty}', label: '{r.fkLabel}', route: '{r.target.pluralKebab}', required: {r.required}, titleField: '{r.targetTitle}', searchable: {r.targetSearchable} },
{/for}
  ],
  links: [
{#for r in e.manyToMany}
    { name: '{r.idsProperty}', label: '{r.fkLabel}', route: '{r.target.pluralKebab}', titleField: '{r.targetTitle}' },
{/for}
  ],
};

export function {e.names.pascal}List() {
  return <EntityList entity={ {e.names.camel} } />;
}

export function {e.names.pascal}Detail() {
  return <EntityDetail entity={ {e.names.camel} } />;
}

export function {e.names.pascal}Create() {
  return <EntityForm entity={ {e.names.camel} } />;
}

export function {e.names.pascal}Edit() {
  return <EntityForm entity={ {e.names.camel} } editing />;
}
