import { PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
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

const STRICT_OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;

export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...STRICT_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => new AppError('VALIDATION_FAILED', '请求参数有误', { fields: fieldErrors(errors) }),
  });
}

/** A JSON array body whose items are validated like any DTO; field errors are keyed `3.value`. */
export class ArrayBodyPipe<T extends object> implements PipeTransform<unknown, T[]> {
  constructor(
    private readonly itemType: ClassConstructor<T>,
    private readonly maxItems: number,
  ) {}

  transform(body: unknown): T[] {
    if (!Array.isArray(body)) throw new AppError('VALIDATION_FAILED', '请求体应为数组', { fields: { body: ['must be an array'] } });
    if (body.length > this.maxItems) throw new AppError('VALIDATION_FAILED', `一次最多提交 ${this.maxItems} 行`, { fields: { body: [`at most ${this.maxItems} items`] } });
    const items = plainToInstance(this.itemType, body as object[]);
    const fields = Object.assign({}, ...items.map((item, index) => fieldErrors(validateSync(item, STRICT_OPTIONS), `${index}.`)));
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', '请求参数有误', { fields });
    return items;
  }
}
