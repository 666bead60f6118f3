/**
 * `--generate-cli-skeleton input`: a template of the operation input for
 * `--cli-input-json`, generated as botocore's `ArgumentGenerator` does it.
 * @module
 */
import { SERVICE_MODEL } from '@mailpat/model';
import type { ShapeDefinition } from '@mailpat/model';
import type { CliOperation } from './model/cli-operations.js';
import { formatJson } from './output/index.js';

/** The skeleton of `operation`'s input, printed as the aws CLI prints it. */
export function generateInputSkeleton(operation: CliOperation): string {
  return formatJson(skeletonOf(operation.inputShape, new Set()));
}

/** Strings empty (enums their first value), numbers 0, booleans true; recursion stops at a cycle. */
function skeletonOf(shapeName: string, stack: Set<string>): unknown {
  const shape = SERVICE_MODEL.shapes[shapeName] as ShapeDefinition;
  if (stack.has(shapeName)) return shape.type === 'list' ? [] : {};
  stack.add(shapeName);
  try {
    switch (shape.type) {
      case 'structure':
        return Object.fromEntries(
          Object.entries(shape.members ?? {}).map(([name, member]) => [
            name,
            skeletonOf(member.shape, stack),
          ]),
        );
      case 'list':
        return [skeletonOf((shape.member as { shape: string }).shape, stack)];
      case 'map':
        return { KeyName: skeletonOf((shape.value as { shape: string }).shape, stack) };
      case 'string':
        return shape.enum?.[0] ?? '';
      case 'boolean':
        return true;
      case 'timestamp':
        return '1970-01-01T00:00:00';
      case 'blob':
        return '';
      default:
        return 0;
    }
  } finally {
    stack.delete(shapeName);
  }
}
