import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorCodes, isClefError, type ErrorCode } from '../errors/index.js';

/** An RFC 9457 problem details object with Clef's code and, for a located error, the failing field. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: ErrorCode;
  readonly field?: string;
  readonly location?: unknown;
}

/** A problem's `type`: a URN naming the code, documented in docs/errors.md (no host to depend on). */
export function problemType(code: ErrorCode): string {
  return `urn:clef:error:${code}`;
}

function fieldOfValidation(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const missing = (first.params as { missingProperty?: string } | undefined)?.missingProperty;
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const place = error.validationContext ?? 'body';
  return [place, path, missing].filter(Boolean).join('.');
}

/**
 * The problem an error becomes: a ClefError keeps its code and location; Fastify's own failures (schema, size,
 * rate, unknown route) get the server codes; anything else is an internal error whose detail is not shown.
 */
export function problemOf(error: unknown, instance: string): ProblemDetails {
  let code: ErrorCode;
  let detail: string;
  let field: string | undefined;
  let location: unknown;
  if (isClefError(error)) {
    code = error.code;
    detail = error.message;
    field = error.location?.field;
    location = error.location;
  } else {
    const fastifyError = error as Partial<FastifyError>;
    const status = fastifyError.statusCode ?? 500;
    if (fastifyError.validation) {
      code = 'CLEF_SERVER_REQUEST_INVALID';
      field = fieldOfValidation(fastifyError as FastifyError);
      detail = `${field ?? 'request'}: ${fastifyError.validation[0]?.message ?? 'invalid'}`;
    } else if (status === 413 || fastifyError.code === 'FST_REQ_FILE_TOO_LARGE') {
      code = 'CLEF_SERVER_BODY_TOO_LARGE';
      detail = 'the request body or file is over the size limit';
    } else if (status === 429) {
      code = 'CLEF_SERVER_RATE_LIMITED';
      detail = fastifyError.message ?? 'too many requests';
    } else if (status === 404) {
      code = 'CLEF_NOT_FOUND';
      detail = fastifyError.message ?? 'not found';
    } else if (status >= 400 && status < 500) {
      code = 'CLEF_USAGE_INVALID_ARGUMENT';
      detail = fastifyError.message ?? 'bad request';
    } else {
      code = 'CLEF_SERVER_INTERNAL';
      detail = 'the server failed; the failure is in its log';
    }
  }
  const status = errorCodes[code].status;
  const title = errorCodes[code].description;
  return { type: problemType(code), title, status: status < 400 ? 400 : status, detail, instance, code, ...(field ? { field } : {}), ...(location ? { location } : {}) };
}

/** Sends an error as `application/problem+json`; internal failures are logged with their stack. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = problemOf(error, request.url);
  if (problem.code === 'CLEF_SERVER_INTERNAL') request.log.error({ err: error }, 'internal failure');
  const retryAfter = (error as { headers?: Record<string, string> }).headers?.['retry-after'];
  if (retryAfter) reply.header('retry-after', retryAfter);
  return reply.code(problem.status).type('application/problem+json').send(problem);
}
