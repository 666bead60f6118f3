/**
 * Looking up botocore shapes by name, as the argument code walks a member's model.
 * @module
 */
import type { ShapeDefinition } from '@mailpat/model';

/** The shapes of a model by name, e.g. SERVICE_MODEL.shapes. */
export type ShapeTable = Readonly<Record<string, ShapeDefinition>>;

/** The named shape; an unknown name is a bug in the caller, not a user error. */
export function lookupShape(shapes: ShapeTable, name: string): ShapeDefinition {
  if (!Object.hasOwn(shapes, name)) throw new Error(`arguments: no shape ${name}`);
  return shapes[name] as ShapeDefinition;
}

/** The shape a list's `member` or a map's `value` refers to. */
export function innerShapeName(shape: ShapeDefinition, part: 'member' | 'value'): string {
  const reference = shape[part];
  if (!reference) throw new Error(`arguments: a ${shape.type} shape without ${part}`);
  return reference.shape;
}

/** botocore's SCALAR_TYPES: everything but structure, list and map. */
export function isScalarShape(shape: ShapeDefinition): boolean {
  return shape.type !== 'structure' && shape.type !== 'list' && shape.type !== 'map';
}
