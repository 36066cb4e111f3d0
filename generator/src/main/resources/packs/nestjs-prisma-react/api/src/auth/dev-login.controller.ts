import { Body, Controller, Get, Logger, NotFoundException, Post } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Public } from './auth';
import { ROLES } from './permissions';
import { TokenVerifier } from './token-verifier';

/** Lifetime of a dev sign-in token. */
const DEV_TOKEN_SECONDS = 8 * 60 * 60;

/** The identity a developer signs in as. */
export class DevTokenRequest {
  @ApiProperty({ description: 'user id (the token subject)', example: 'alice' })
  @IsString()
  @Matches({|/^[A-Za-z0-9._@-]{1,100}$/|}, { message: 'sub must be 1-100 letters, digits or . _ @ -' })
  sub!: string;

  @ApiProperty({ description: 'tenant id', example: 'tenant-a' })
  @IsString()
  @Matches({|/^[A-Za-z0-9._-]{1,100}$/|}, { message: 'tenant must be 1-100 letters, digits or . _ -' })
  tenant!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true, message: `roles must be among ${ ROLES.join(', ') }` })
  roles!: string[];

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

/** Whether AUTH_DEV_LOGIN=true switches the dev sign-in on; never in production (NODE_ENV=production). */
export function devLoginEnabled(): boolean {
  return process.env.AUTH_DEV_LOGIN === 'true' && process.env.NODE_ENV !== 'production';
}

/**
 * Sign-in for local use: with AUTH_DEV_LOGIN=true, POST /auth/dev-token issues an HS256 token (JWT_SECRET)
 * for any user, tenant and roles of the app, as an identity provider would. Off (404) otherwise; production
 * uses the OpenID Connect provider of OIDC_ISSUER. GET /auth/config tells the UI which sign-in to offer.
 */
@ApiTags('auth')
@Controller('auth')
export class DevLoginController {
  constructor(
    private readonly jwt: JwtService,
    private readonly verifier: TokenVerifier,
  ) {
    if (process.env.AUTH_DEV_LOGIN === 'true' && process.env.NODE_ENV === 'production') {
      new Logger('Auth').error('AUTH_DEV_LOGIN=true is ignored with NODE_ENV=production: use OIDC_ISSUER');
    }
  }

  @Public()
  @Get('config')
  config(): { devLogin: boolean; roles: readonly string[]; oidc: ReturnType<TokenVerifier['config']> } {
    return { devLogin: devLoginEnabled(), roles: ROLES, oidc: this.verifier.config() };
  }

  @Public()
  @Post('dev-token')
  @ApiOkResponse({ description: 'a bearer token for the identity' })
  async devToken(@Body() identity: DevTokenRequest): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    if (!devLoginEnabled()) {
      throw new NotFoundException('dev sign-in is off: set AUTH_DEV_LOGIN=true for local use, or sign in with the OIDC provider');
    }
    const claims = { sub: identity.sub, tid: identity.tenant, roles: identity.roles, ...(identity.email ? { email: identity.email } : {}) };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: DEV_TOKEN_SECONDS });
    return { accessToken, tokenType: 'Bearer', expiresIn: DEV_TOKEN_SECONDS };
  }
}
