import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, totalText } from './api';
import { ENTITIES } from './model';

/** One card per entity with its row count. */
export function Dashboard() {
  const [counts, setCounts] = useState<Record<string, number | string>>({});
  useEffect(() => {
    for (const entity of ENTITIES) {
      api
        .list(entity.route, new URLSearchParams({ pageSize: '1' }))
        .then((page) => setCounts((c) => ({ ...c, [entity.name]: totalText(page) })))
        .catch(() => setCounts((c) => ({ ...c, [entity.name]: '–' })));
    }
  }, []);
  return (
    <section>
      <h2>Dashboard</h2>
      <div className="cards">
        { ENTITIES.map((entity) => (
          <Link key={ entity.name } className="card" to={ '/' + entity.route }>
            <strong>{ counts[entity.name] ?? '…' }</strong>
            <span>{ entity.pluralLabel }</span>
          </Link>
        )) }
      </div>
    </section>
  );
}
