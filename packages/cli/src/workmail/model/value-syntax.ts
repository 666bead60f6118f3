/**
 * The value placeholder `--help` shows for an option, in the aws CLI's shorthand terms.
 * @module
 */
import { SERVICE_MODEL } from '@mailpat/model';
import type { ShapeDefinition } from '@mailpat/model';

/**
 * `Status=string,LifetimeInDays=integer` for a structure, `string string ...` for a list of
 * strings, the type name for a scalar; enums list their values.
 */
export function describeValueSyntax(shape: ShapeDefinition, depth = 0): string {
  switch (shape.type) {
    case 'structure':
      return Object.entries(shape.members ?? {})
        .map(([name, reference]) => `${name}=${nested(reference.shape, depth)}`)
        .join(',');
    case 'list': {
      const item = nested((shape.member as { shape: string }).shape, depth);
      return `${item} ${item} ...`;
    }
    case 'map':
      return 'KeyName1=string,KeyName2=string';
    case 'string':
      return shape.enum ? shape.enum.join('|') : 'string';
    default:
      return shape.type;
  }
}

function nested(shapeName: string, depth: number): string {
  const shape = SERVICE_MODEL.shapes[shapeName] as ShapeDefinition;
  if (shape.type === 'structure' || shape.type === 'list' || shape.type === 'map') {
    return depth > 0 ? `{...}` : `{${describeValueSyntax(shape, depth + 1)}}`;
  }
  return describeValueSyntax(shape, depth + 1);
}
