import { useEffect, useState } from 'react';
import { Row, api } from './api';
import type { LinkDescriptor } from './model';

/** A many-to-many relation edited as a multi-select over the linked entity's rows (first 100, by their title). */
export function LinkSelect({ link, value, onChange }: { link: LinkDescriptor; value: string[]; onChange: (ids: string[]) => void }) {
  const [rows, setRows] = useState<Row[]>([]);

  useEffect(() => {
    api.list(link.route, new URLSearchParams({ pageSize: '100' })).then((page) => setRows(page.items), () => setRows([]));
  }, [link.route]);

  return (
    <label>
      <span>{ link.label }</span>
      <select multiple value={ value } onChange={ (e) => onChange(Array.from(e.target.selectedOptions, (o) => o.value)) }>
        { rows.map((row) => (
          <option key={ row.id } value={ row.id }>
            { String(row[link.titleField] ?? row.id) }
          </option>
        )) }
      </select>
    </label>
  );
}
