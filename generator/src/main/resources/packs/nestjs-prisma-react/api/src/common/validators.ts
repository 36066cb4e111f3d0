import { ValidationOptions, registerDecorator } from 'class-validator';

const DECIMAL_SHAPE = /^-?\d+(\.\d+)?$/;
const isDecimal = (v: string) => DECIMAL_SHAPE.test(v) && v.replace('-', '').split('.')[0].length <= 15 && (v.split('.')[1] ?? '').length <= 4;

/** A decimal or money value as a string ("12.50"): numbers would lose cents in JavaScript. */
export function IsDecimalString(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isDecimalString',
      target: target.constructor,
      propertyName: property,
      options: { message: `${ property } must be a decimal number written as a string, e.g. "12.50"`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isDecimal(value) },
    });
}

/** Range check for decimal strings, compared exactly (no floating point) for up to 4 decimals. */
export function DecimalRange(min: string | undefined, max: string | undefined, options?: ValidationOptions) {
  const scaled = (v: string) => {
    const [int, frac = ''] = v.replace('-', '').split('.');
    const n = BigInt(int + frac.padEnd(4, '0').slice(0, 4));
    return v.startsWith('-') ? -n : n;
  };
  return (target: object, property: string) =>
    registerDecorator({
      name: 'decimalRange',
      target: target.constructor,
      propertyName: property,
      options: { message: `${ property } must be between ${ min ?? '-∞' } and ${ max ?? '∞' }`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' ||
          !isDecimal(value) ||
          ((min === undefined || scaled(value) >= scaled(min)) && (max === undefined || scaled(value) <= scaled(max))),
      },
    });
}

/** Date and date-time strings to the Date Prisma expects; undefined stays undefined, null clears. */
export function toDate(value: string | null | undefined): Date | null | undefined {
  return value === undefined || value === null ? value : new Date(value);
}
