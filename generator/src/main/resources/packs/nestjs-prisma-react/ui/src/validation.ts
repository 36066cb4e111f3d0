import type { EntityDescriptor, FieldDescriptor } from './model';

/** Client-side validation mirroring the API's class-validator rules; the API stays the authority. */
export function validate(entity: EntityDescriptor, values: Record<string, unknown>, editing: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of entity.fields) {
    const message = check(field, values[field.name], editing);
    if (message) {
      errors[field.name] = message;
    }
  }
  for (const ref of entity.references) {
    const value = values[ref.name];
    if ((value === undefined || value === '') && ref.required && !editing) {
      errors[ref.name] = ref.label + ' is required';
    } else if (typeof value === 'string' && value !== '' && !UUID.test(value)) {
      errors[ref.name] = ref.label + ' must be an id';
    }
  }
  return errors;
}

const UUID = {|/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i|};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CARD_NUMBER = {|/^[0-9 -]{12,23}$/|};

function check(field: FieldDescriptor, value: unknown, editing: boolean): string | null {
  const empty = value === undefined || value === null || value === '';
  if (empty) {
    return field.required && !editing && field.valueType !== 'boolean' ? field.label + ' is required' : null;
  }
  if (field.valueType === 'number') {
    const n = Number(value);
    if (Number.isNaN(n)) return field.label + ' must be a number';
    if (field.integer && !Number.isInteger(n)) return field.label + ' must be a whole number';
    if (field.min !== undefined && n < field.min) return field.label + ' must be at least ' + field.min;
    if (field.max !== undefined && n > field.max) return field.label + ' must be at most ' + field.max;
    return null;
  }
  if (field.valueType === 'json') {
    try {
      JSON.parse(String(value));
    } catch {
      return field.label + ' must be JSON';
    }
    return null;
  }
  if (typeof value === 'string') {
    if (field.minLength !== undefined && value.length < field.minLength) return field.label + ' needs at least ' + field.minLength + ' characters';
    if (field.maxLength !== undefined && value.length > field.maxLength) return field.label + ' allows at most ' + field.maxLength + ' characters';
    if (field.pattern && !new RegExp(field.pattern).test(value)) return field.label + ' has the wrong format';
    if (field.format === 'email' && !EMAIL.test(value)) return field.label + ' must be an email address';
    if (field.format === 'token' && CARD_NUMBER.test(value)) return field.label + ' must be a payment-provider token, never a card number';
    if (field.options && !field.options.includes(value)) return field.label + ' must be one of ' + field.options.join(', ');
  }
  return null;
}

/**
 * Form text to the API's JSON types. Editing, an optional field or reference the user emptied is sent as null
 * (the API clears it); creating, empty values are left out.
 */
export function toPayload(entity: EntityDescriptor, values: Record<string, unknown>, editing = false): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of entity.fields) {
    const value = values[field.name];
    if (value === undefined) continue;
    if (value === '' || value === null) {
      if (editing && !field.required) body[field.name] = null;
      continue;
    }
    body[field.name] =
      field.valueType === 'number' ? Number(value) : field.valueType === 'json' ? (typeof value === 'object' ? value : JSON.parse(String(value))) : field.input === 'datetime-local' ? new Date(String(value)).toISOString() : value;
    if (field.valueType === 'number' && !field.integer) body[field.name] = String(value);
  }
  for (const ref of entity.references) {
    const value = values[ref.name];
    if (value !== undefined && value !== '' && value !== null) body[ref.name] = value;
    else if (editing && !ref.required && value !== undefined) body[ref.name] = null;
  }
  for (const link of entity.links) {
    const value = values[link.name];
    if (Array.isArray(value)) body[link.name] = value;
  }
  return body;
}
