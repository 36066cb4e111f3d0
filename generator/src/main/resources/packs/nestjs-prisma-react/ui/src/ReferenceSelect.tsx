import { useEffect, useState } from 'react';
import { Row, api } from './api';
import type { ReferenceDescriptor } from './model';

/** How a row of another entity reads in a picker: its title field, else its id. */
export function rowLabel(row: Row, titleField: string): string {
  const title = row[titleField];
  return title === null || title === undefined || title === '' ? row.id : String(title);
}

/**
 * A many-to-one relation picked from the target's rows by their title; typing narrows the list through the
 * target's own search (?q=) when it has one. The current value stays listed even when it is not in the first page.
 */
export function ReferenceSelect({ reference, value, onChange }: { reference: ReferenceDescriptor; value: string; onChange: (id: string) => void }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [filter, setFilter] = useState('');
  const [current, setCurrent] = useState<Row | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ pageSize: '100', count: 'none' });
      if (filter && reference.searchable) params.set('q', filter);
      api.list(reference.route, params).then((page) => setRows(page.items), () => setRows([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [reference.route, reference.searchable, filter]);

  useEffect(() => {
    if (value && !rows.some((r) => r.id === value)) {
      api.get(reference.route, value).then(setCurrent, () => setCurrent(null));
    }
  }, [reference.route, value, rows]);

  const options = current && current.id === value && !rows.some((r) => r.id === value) ? [current, ...rows] : rows;
  return (
    <span className="picker">
      { reference.searchable && <input placeholder={ 'Find ' + reference.label.toLowerCase() } value={ filter } onChange={ (e) => setFilter(e.target.value) } /> }
      <select name={ reference.name } value={ value } required={ reference.required } onChange={ (e) => onChange(e.target.value) }>
        <option value="">{ reference.required ? 'Choose…' : '(none)' }</option>
        { options.map((row) => (
          <option key={ row.id } value={ row.id }>{ rowLabel(row, reference.titleField) }</option>
        )) }
      </select>
    </span>
  );
}

/** A reference shown by the target row's title, linking to it. */
export function ReferenceLabel({ reference, id }: { reference: ReferenceDescriptor; id: string }) {
  const [label, setLabel] = useState(id);
  useEffect(() => {
    api.get(reference.route, id).then((row) => setLabel(rowLabel(row, reference.titleField)), () => setLabel(id));
  }, [reference.route, reference.titleField, id]);
  return <>{ label }</>;
}
