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

/**
 * A JSON array body whose items are validated like any DTO; field errors are keyed `3.value`. `plainItem`, when
 * given, accepts the common item cheaply without building and validating a DTO; it must accept only items the DTO
 * accepts, and anything it does not accept is validated in full (so the messages are the DTO's).
 */
export class ArrayBodyPipe<T extends object> implements PipeTransform<unknown, T[]> {
  constructor(
    private readonly itemType: ClassConstructor<T>,
    private readonly maxItems: number,
    private readonly plainItem: (item: unknown) => item is T = (item): item is T => false,
  ) {}

  transform(body: unknown): T[] {
    if (!Array.isArray(body)) throw new AppError('VALIDATION_FAILED', '请求体应为数组', { fields: { body: ['must be an array'] } });
    if (body.length > this.maxItems) throw new AppError('VALIDATION_FAILED', `一次最多提交 ${this.maxItems} 行`, { fields: { body: [`at most ${this.maxItems} items`] } });
    const fields: Record<string, string[]> = {};
    const items = body.map((item: unknown, index) => {
      if (this.plainItem(item)) return item;
      const instance = plainToInstance(this.itemType, item as object);
      Object.assign(fields, fieldErrors(validateSync(instance, STRICT_OPTIONS), `${index}.`));
      return instance;
    });
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', '请求参数有误', { fields });
    return items;
  }
}
