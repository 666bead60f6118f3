/**
 * The shapes the argument tests use: mailpat's model plus shapes of the types and nestings
 * WorkMail's subset lacks (map, long, double, blob, lists of lists...), written as botocore would.
 * @module
 */
import type { ShapeDefinition } from '@mailpat/model';
import { SERVICE_MODEL } from '@mailpat/model';

const member = (shape: string) => ({ shape });

const SYNTHETIC: Record<string, ShapeDefinition> = {
  TestString: { type: 'string' },
  TestInteger: { type: 'integer' },
  TestLong: { type: 'long' },
  TestDouble: { type: 'double' },
  TestFloat: { type: 'float' },
  TestBoolean: { type: 'boolean' },
  TestBlob: { type: 'blob' },
  TestTimestamp: { type: 'timestamp' },
  TestIntegerList: { type: 'list', member: member('TestInteger') },
  TestBooleanList: { type: 'list', member: member('TestBoolean') },
  TestDoubleList: { type: 'list', member: member('TestDouble') },
  TestStringList: { type: 'list', member: member('TestString') },
  TestListOfLists: { type: 'list', member: member('TestStringList') },
  TestIntegerMap: { type: 'map', key: member('TestString'), value: member('TestInteger') },
  TestListMap: { type: 'map', key: member('TestString'), value: member('TestStringList') },
  TestBooleanMap: { type: 'map', key: member('TestString'), value: member('TestBoolean') },
  TestItem: {
    type: 'structure',
    members: { Key: member('TestString'), Number: member('TestInteger') },
  },
  TestItemList: { type: 'list', member: member('TestItem') },
  TestInner: {
    type: 'structure',
    members: { Value: member('TestDouble'), Items: member('TestItemList') },
  },
  TestNested: {
    type: 'structure',
    members: {
      Name: member('TestString'),
      Count: member('TestInteger'),
      Enabled: member('TestBoolean'),
      Tags: member('TestStringList'),
      Inner: member('TestInner'),
      Options: member('TestBooleanMap'),
      Size: member('TestLong'),
      Ratio: member('TestFloat'),
    },
  },
  TestValueStructure: { type: 'structure', members: { Value: member('TestString') } },
  TestIntegerValueStructure: { type: 'structure', members: { Value: member('TestInteger') } },
  // botocore's WorkMail shapes outside mailpat's subset, copied for the real-driver cases.
  DeviceTypeList: { type: 'list', member: member('DeviceType') },
  DeviceType: { type: 'string' },
  BookingOptions: {
    type: 'structure',
    members: {
      AutoAcceptRequests: member('Boolean'),
      AutoDeclineRecurringRequests: member('Boolean'),
      AutoDeclineConflictingRequests: member('Boolean'),
    },
  },
};

/** mailpat's shapes and the synthetic ones; both sides of every parity test read this table. */
export const TEST_SHAPES: Readonly<Record<string, ShapeDefinition>> = {
  ...SERVICE_MODEL.shapes,
  ...SYNTHETIC,
};
