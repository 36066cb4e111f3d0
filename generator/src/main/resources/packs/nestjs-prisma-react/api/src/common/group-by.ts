/** Values of many rows grouped by the row they belong to, in the order read: one query for a whole page. */
export function groupBy<L, V>(links: L[], key: (link: L) => string, value: (link: L) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const link of links) {
    const k = key(link);
    const group = groups.get(k);
    if (group) {
      group.push(value(link));
    } else {
      groups.set(k, [value(link)]);
    }
  }
  return groups;
}
