import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { Response } from 'express';
import { Prisma } from '../generated/prisma/client';

/** Database errors in HTTP terms: not found (also: hidden by row-level security) 404, duplicates 409, bad references 400. */
@Catch(Prisma.PrismaClientKnownRequestError)
export class PrismaErrorsFilter implements ExceptionFilter {
  catch(error: Prisma.PrismaClientKnownRequestError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, message] = this.map(error);
    response.status(status).json({ statusCode: status, message, code: error.code });
  }

  private map(error: Prisma.PrismaClientKnownRequestError): [number, string] {
    switch (error.code) {
      case 'P2025':
      case 'P2001':
        return [HttpStatus.NOT_FOUND, 'not found'];
      case 'P2002':
        return [HttpStatus.CONFLICT, 'a row with this value already exists'];
      case 'P2003':
        return [HttpStatus.BAD_REQUEST, 'a referenced row does not exist (or belongs to another tenant)'];
      case 'P2011':
      case 'P2000':
        return [HttpStatus.BAD_REQUEST, 'a value is missing or too long'];
      default:
        return [HttpStatus.INTERNAL_SERVER_ERROR, 'database error'];
    }
  }
}
