{#for e in app.entities}
import { {e.names.camel} } from './entities/{e.names.kebab}';
{/for}

/** One field of a form, with the same rules as the API's DTO (generated from the AppSpec). */
export interface FieldDescriptor {
  name: string;
  label: string;
  input: 'text' | 'textarea' | 'number' | 'checkbox' | 'select' | 'date' | 'datetime-local' | 'email' | 'tel' | 'url';
  required: boolean;
  valueType: 'string' | 'number' | 'boolean' | 'json';
  options?: string[];
  min?: number;
  max?: number;
  integer?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: 'email' | 'token';
  sensitive?: boolean;
}

/** A reference to another entity, picked from its rows by their title field (searched when the target has search). */
export interface ReferenceDescriptor {
  name: string;
  label: string;
  route: string;
  required: boolean;
  titleField: string;
  searchable: boolean;
}

/** A many-to-many relation, edited as the ids of the linked rows. */
export interface LinkDescriptor {
  name: string;
  label: string;
  route: string;
  titleField: string;
}

export interface EntityDescriptor {
  name: string;
  label: string;
  pluralLabel: string;
  route: string;
  titleField: string;
  /** Whether the list's ?q= searches anything (there is a text field). */
  searchable: boolean;
  listColumns: string[];
  fields: FieldDescriptor[];
  references: ReferenceDescriptor[];
  links: LinkDescriptor[];
}

export const ENTITIES: EntityDescriptor[] = [{#for e in app.entities}{e.names.camel}{#if e_hasNext}, {/if}{/for}];
