/** Five-field cron expressions (minute hour day-of-month month day-of-week) with *, lists, ranges and steps. */
export function cronMatches(expression: string, date: Date): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return false;
  }
  const values = [date.getUTCMinutes(), date.getUTCHours(), date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCDay()];
  return fields.every((field, i) => fieldMatches(field, values[i]));
}

function fieldMatches(field: string, value: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let low = 0;
    let high = Number.MAX_SAFE_INTEGER;
    if (range !== '*') {
      const [a, b] = range.split('-').map(Number);
      low = a;
      high = b === undefined ? (stepText ? Number.MAX_SAFE_INTEGER : a) : b;
    }
    return value >= low && value <= high && (value - (range === '*' ? 0 : low)) % step === 0;
  });
}
