import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { validationFailed, type FieldError } from './sigap.exception';

/** class-validator starts most messages with the property name; the field already says it. */
const withoutProperty = (property: string, message: string): string =>
  message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;

/**
 * class-validator's nested errors as `{ field, message }` entries, the shape every other 400 of
 * the API has: `filter.holder`, `items.0.text`. An unknown property reads "is not an accepted field".
 */
export function fieldErrorsOfValidation(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: constraint === 'whitelistValidation' ? 'is not an accepted field' : withoutProperty(error.property, message),
    }));
    return [...own, ...fieldErrorsOfValidation(error.children ?? [], field)];
  });
}

/** The API's global pipe: DTOs validated and transformed, unknown fields refused, field-level 400s. */
export const sigapValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(fieldErrorsOfValidation(errors)),
  });
