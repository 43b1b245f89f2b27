import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';

/** `{ "page": ["page must not be less than 1"], "items.0.name": [...] }` */
export function fieldErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix + error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints);
    Object.assign(fields, fieldErrors(error.children ?? [], `${path}.`));
  }
  return fields;
}

export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new AppError('VALIDATION_FAILED', '请求参数有误', { fields: fieldErrors(errors) }),
  });
}
