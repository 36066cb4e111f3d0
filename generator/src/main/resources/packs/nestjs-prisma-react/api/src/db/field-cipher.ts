import { Injectable } from '@nestjs/common';
import type { Tx } from './tenant-db';

/**
 * Encryption at rest for PHI columns (HIPAA): pgcrypto's pgp_sym_encrypt / pgp_sym_decrypt, run
 * inside the caller's transaction, with the key from PHI_ENCRYPTION_KEY passed as a bind parameter.
 */
@Injectable()
export class FieldCipher {
  private key(): string {
    const key = process.env.PHI_ENCRYPTION_KEY;
    if (!key) {
      throw new Error('PHI_ENCRYPTION_KEY is not set');
    }
    return key;
  }

  async encrypt(tx: Tx, value: unknown): Promise<Uint8Array<ArrayBuffer> | null | undefined> {
    if (value === undefined || value === null) {
      return value;
    }
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    const rows = await tx.$queryRaw<{ v: Uint8Array<ArrayBuffer> }[]>`select pgp_sym_encrypt(${ text }, ${ this.key() }) as v`;
    return rows[0].v;
  }

  async decrypt(tx: Tx, value: Uint8Array | null | undefined): Promise<string | null> {
    if (value === undefined || value === null) {
      return null;
    }
    const rows = await tx.$queryRaw<{ v: string }[]>`select pgp_sym_decrypt(${ Buffer.from(value) }::bytea, ${ this.key() }) as v`;
    return rows[0].v;
  }
}

/** Decrypted text back to the field's logical type. */
export const fromText = {
  integer: (v: string | null): number | null => (v === null ? null : Number(v)),
  boolean: (v: string | null): boolean | null => (v === null ? null : v === 'true'),
  json: (v: string | null): unknown => (v === null ? null : JSON.parse(v)),
};
