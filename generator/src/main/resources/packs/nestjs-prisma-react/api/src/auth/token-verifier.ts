import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { JwksClient } from 'jwks-rsa';

/** The claims the API reads from a verified token. */
export interface TokenClaims {
  sub?: unknown;
  tid?: unknown;
  roles?: unknown;
  email?: unknown;
}

/**
 * Verifies bearer tokens from two kinds of issuer: HS256 tokens signed with JWT_SECRET (the dev sign-in and
 * identity providers sharing a secret), and, when OIDC_ISSUER is set, asymmetric tokens of that OpenID
 * Connect provider, checked against its JWKS (OIDC_JWKS_URI, default <issuer>/.well-known/jwks.json), issuer
 * and audience (OIDC_AUDIENCE). OIDC_TENANT_CLAIM and OIDC_ROLES_CLAIM name the provider's claims for the
 * tenant and the roles (default tid and roles).
 */
@Injectable()
export class TokenVerifier {
  private readonly issuer = process.env.OIDC_ISSUER || undefined;
  private readonly audience = process.env.OIDC_AUDIENCE || undefined;
  private readonly tenantClaim = process.env.OIDC_TENANT_CLAIM || 'tid';
  private readonly rolesClaim = process.env.OIDC_ROLES_CLAIM || 'roles';
  private readonly jwks?: JwksClient;
  /** Without the app's HS256 key provider, which would take precedence over the provider's public key. */
  private readonly oidcJwt = new JwtService();

  constructor(private readonly jwt: JwtService) {
    if (this.issuer) {
      if (!this.audience) {
        throw new Error('OIDC_AUDIENCE must be set with OIDC_ISSUER (the API identifier the provider puts in aud)');
      }
      const jwksUri = process.env.OIDC_JWKS_URI || this.issuer.replace(/\/$/, '') + '/.well-known/jwks.json';
      this.jwks = new JwksClient({ jwksUri, cache: true, rateLimit: true, jwksRequestsPerMinute: 10 });
      new Logger('Auth').log(`accepting tokens of ${ this.issuer } (keys from ${ jwksUri })`);
    }
  }

  async verify(token: string): Promise<TokenClaims> {
    const header = this.jwt.decode<{ header?: { alg?: string; kid?: string } } | null>(token, { complete: true })?.header;
    if (!header) {
      throw new UnauthorizedException('invalid or expired token');
    }
    try {
      if (header.alg === 'HS256' || !this.jwks) {
        return await this.jwt.verifyAsync<TokenClaims>(token);
      }
      const key = await this.jwks.getSigningKey(header.kid);
      const claims = await this.oidcJwt.verifyAsync<Record<string, unknown>>(token, {
        publicKey: key.getPublicKey(),
        algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256'],
        issuer: this.issuer,
        audience: this.audience,
      });
      return { sub: claims.sub, tid: claims[this.tenantClaim], roles: claims[this.rolesClaim], email: claims.email };
    } catch {
      throw new UnauthorizedException('invalid or expired token');
    }
  }

  /** What the UI's sign-in page needs to know (public: no secrets). */
  config(): { issuer: string | null; audience: string | null; clientId: string | null } {
    return { issuer: this.issuer ?? null, audience: this.audience ?? null, clientId: process.env.OIDC_CLIENT_ID || null };
  }
}
