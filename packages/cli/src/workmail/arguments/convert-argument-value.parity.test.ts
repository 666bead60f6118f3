/**
 * Parity with the installed aws CLI: every case is converted by mailpat and by aws's own
 * Python code (the real clidriver where the operation exists in botocore's WorkMail model,
 * otherwise the same load-cli-arg / process-cli-arg / unpack_cli_arg chain on the same shapes),
 * and the value or the error message must be the same.
 * @module
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertArgumentValue } from './convert-argument-value.js';
import type { ParamFileIo } from './param-file.js';
import {
  comparable,
  expectedOf,
  outcomeOf,
  runAwsCliOracle,
} from './test-support/aws-cli-oracle.js';
import type { OracleResult } from './test-support/aws-cli-oracle.js';
import { TEST_SHAPES } from './test-support/test-shapes.js';

const DIR = mkdtempSync(join(tmpdir(), 'mailpat-arguments-'));
const FILES: Record<string, string | Buffer> = {
  'status.txt': 'ACTIVE\n',
  'days.txt': '30\n',
  'config.txt': 'Status=ACTIVE,LifetimeInDays=7',
  'config.json': '{"Status": "INACTIVE", "LifetimeInDays": 9}\n',
  'crlf.txt': 'Status=ACTIVE,\r\nLifetimeInDays=5\r\n',
  'bom.json': '\ufeff{"Status": "ACTIVE"}',
  'scopes.txt': 'IMAP\n',
  'scopes.json': '["IMAP", "SMTP"]',
  'domains.json': '[{"DomainName": "a.example"}]',
  'empty.txt': '',
  'spaces.txt': '  \n',
  'latin1.txt': Buffer.from([0x53, 0x74, 0x61, 0x74, 0x75, 0x73, 0x3d, 0xe9]),
  'binary.bin': Buffer.from([0x00, 0xff, 0x10, 0x41]),
  'bad.json': '{"Status": ',
};
for (const [name, contents] of Object.entries(FILES)) writeFileSync(join(DIR, name), contents);
mkdirSync(join(DIR, 'folder'));
const ENV = { HOME: DIR, MAILPAT_ARGS_DIR: DIR };
// The oracle runs in DIR, so relative paths resolve there on both sides.
const IO: ParamFileIo = {
  readFile: (path) => readFileSync(path === '' ? path : resolve(DIR, path)),
  env: ENV,
};

interface Case {
  title: string;
  option: string;
  shape: string;
  values: string[];
  operation?: string;
}

const groups: Record<string, Case[]> = {};
function cases(group: string, option: string, shape: string, operation?: string) {
  const list: Case[] = (groups[group] = []);
  return (title: string, ...values: string[]) => {
    list.push({ title, option, shape, values, ...(operation ? { operation } : {}) });
  };
}

const token = cases(
  'PersonalAccessTokenConfiguration (real driver)',
  '--personal-access-token-configuration',
  'PersonalAccessTokenConfiguration',
  'put-identity-provider-configuration',
);
token('shorthand with an integer member', 'Status=ACTIVE,LifetimeInDays=30');
token('a space after the comma', 'Status=ACTIVE, LifetimeInDays=30');
token('spaces around keys, = and commas', '  Status = ACTIVE ,  LifetimeInDays = 30  ');
token('a space inside a value', 'Status=ACTIVE LifetimeInDays=30');
token('a newline between pairs', 'Status=ACTIVE,\nLifetimeInDays=30');
token('a tab inside a value', 'Status=AC\tTIVE');
token('an integer that is not one', 'Status=ACTIVE,LifetimeInDays=abc');
token('an empty integer', 'Status=ACTIVE,LifetimeInDays=');
token('a decimal integer', 'LifetimeInDays=3.5');
token('an integer with underscores', 'LifetimeInDays=1_0');
token('an integer with double underscores', 'LifetimeInDays=1__0');
token('a negative integer', 'LifetimeInDays=-3');
token('an integer in Arabic-Indic digits', 'LifetimeInDays=٣٠');
token('an integer beyond 2^53', 'LifetimeInDays=12345678901234567890');
token('an integer given as a list', 'LifetimeInDays=1,2');
token('an integer given as an explicit list', 'LifetimeInDays=[1]');
token('an integer given as a structure', 'LifetimeInDays={a=1}');
token('double-quoted value', 'Status="ACTIVE",LifetimeInDays=30');
token('single-quoted value', "Status='ACTIVE',LifetimeInDays='30'");
token('quoted value with a comma', 'Status="A,B"');
token('escaped quote in single quotes', "Status='it\\'s'");
token('escaped quote in double quotes', 'Status="say \\"hi\\""');
token('escaped backslash in quotes', 'Status="a\\\\b"');
token('backslash outside quotes', 'Status=a\\b');
token('escaped comma', 'Status=A\\,B,LifetimeInDays=1');
token('unterminated double quote', 'Status="ACTIVE');
token('unterminated single quote', "Status='ACTIVE");
token('quote followed by text', 'Status="A"B');
token('list value for a string member', 'Status=a,b');
token('list value followed by another key', 'Status=a,b,LifetimeInDays=5');
token('explicit list value', 'Status=[a, b]');
token('explicit list with a trailing comma', 'Status=[a,]');
token('empty explicit list', 'Status=[]');
token('unterminated explicit list', 'Status=[a');
token('structure value', 'Status={x=y,z=[1,2]}');
token('unterminated structure value', 'Status={x=y');
token('structure value without =', 'Status={x}');
token('duplicate key', 'Status=ACTIVE,Status=INACTIVE');
token('duplicate key after a list', 'Status=a,b,Status=c');
token('key without =', 'Status');
token('trailing comma', 'Status=ACTIVE,');
token('two trailing commas', 'Status=ACTIVE,,');
token('leading comma', ',Status=ACTIVE');
token('empty key', '=ACTIVE');
token('empty value', 'Status=');
token('empty value then a key', 'Status=,LifetimeInDays=3');
token('unknown key', 'Unknown=1,Status=ACTIVE');
token('key with allowed punctuation', 'a-b_c.d#e/f:g=1');
token('key with a character keys may not have', 'a*b=1');
token('= inside a value', 'Status=a=b');
token('double == in the second pair', 'Status=a,b==c');
token('error location on a middle line', 'Status=ACTIVE,\nLifetimeInDays==1,\nx');
token('error location on the last line', 'Status=ACTIVE,\nLifetimeInDays=1\nx=');
token('a list across lines', 'Status=ACTIVE,\nLifetimeInDays=1,\nx');
token('error after a non-BMP character', 'Status=😀x');
token('non-BMP character inside quotes', 'Status="😀"');
token('accented value', 'Status=éàü');
token('empty string', '');
token('only spaces', '   ');
token('JSON', '{"Status": "ACTIVE", "LifetimeInDays": 30}');
token('JSON after spaces', '  {"Status": "ACTIVE"}');
token('JSON keeps its types', '{"Status": 1, "LifetimeInDays": "30"}');
token('JSON with NaN', '{"LifetimeInDays": NaN}');
token('bad JSON', '{"Status": ');
token('JSON with single quotes', "{'Status': 'ACTIVE'}");
token('shorthand in braces is not JSON', '{Status=ACTIVE}');
token('a JSON list for a structure', '["ACTIVE"]');
token('file:// with shorthand', 'file://config.txt');
token('file:// with JSON', 'file://config.json');
token('file:// with CRLF line ends', 'file://crlf.txt');
token('file:// with a BOM', 'file://bom.json');
token('file:// with bad JSON', 'file://bad.json');
token('file:// that is empty', 'file://empty.txt');
token('file:// missing', 'file://nope.txt');
token('file:// of a directory', 'file://folder');
token('file:// not UTF-8', 'file://latin1.txt');
token('file:// with ~', 'file://~/config.txt');
token('file:// with $VAR', 'file://$MAILPAT_ARGS_DIR/config.txt');
token('file:// with ${VAR}', 'file://${MAILPAT_ARGS_DIR}/config.txt');
token('file:// with an unknown $VAR', 'file://$MAILPAT_NO_SUCH_VAR/config.txt');
token('fileb:// of text', 'fileb://config.txt');
token('fileb:// that is empty', 'fileb://empty.txt');
token('@= reads a file', 'Status@=file://status.txt,LifetimeInDays@=file://days.txt');
token('@= with a space before =', 'Status @= file://status.txt');
token('@= with a plain value', 'Status@=ACTIVE');
token('@= with a quoted path', "Status@='file://status.txt'");
token('@= reads bytes', 'Status@=fileb://binary.bin,LifetimeInDays@=fileb://days.txt');
token('@= with a missing file', 'Status@=file://nope.txt');
token('file:// without @= stays text', 'Status=file://status.txt');
token('@ without =', 'Status@ACTIVE');

const filters = cases(
  'ListUsersFilters (real driver)',
  '--filters',
  'ListUsersFilters',
  'list-users',
);
filters('prefixes', 'UsernamePrefix=al,State=ENABLED');
filters('a bare word', 'UsernamePrefix');
filters('JSON', '{"UsernamePrefix": "al"}');

const center = cases(
  'IdentityCenterConfiguration (real driver)',
  '--identity-center-configuration',
  'IdentityCenterConfiguration',
  'put-identity-provider-configuration',
);
center(
  'ARNs with : and /',
  'InstanceArn=arn:aws:sso:::instance/ssoins-1,ApplicationArn=arn:aws:sso::1:application/a/b',
);

const maxResults = cases(
  'MaxResults integer (real driver)',
  '--max-results',
  'MaxResults',
  'list-users',
);
maxResults('an integer', '10');
maxResults('an integer with spaces', ' 10\n');
maxResults('not an integer', 'abc');
maxResults('empty', '');
maxResults('a float', '10.0');
maxResults('an exponent', '1e3');
maxResults('hexadecimal', '0x10');
maxResults('a sign', '+7');
maxResults('negative zero', '-0');
maxResults('full-width digits', '１０');
maxResults('too many digits', '1'.repeat(4301));
maxResults('file:// with a number', 'file://days.txt');
maxResults('file:// with text', 'file://status.txt');
maxResults('fileb:// with a number', 'fileb://days.txt');
maxResults('fileb:// with bytes', 'fileb://binary.bin');
maxResults('JSON-looking', '[10]');

const organizations = cases(
  'Domains list of structures (real driver)',
  '--domains',
  'Domains',
  'create-organization',
);
organizations('one shorthand word', 'DomainName=a.example,HostedZoneId=Z1');
organizations('two shorthand words', 'DomainName=a.example', 'DomainName=b.example');
organizations('JSON list', '[{"DomainName": "a.example"}]');
organizations('JSON list after spaces', '  [{"DomainName": "a.example"}]');
organizations('JSON objects, one per word', '{"DomainName": "a"}', '{"DomainName": "b"}');
organizations('JSON then shorthand', '{"DomainName": "a"}', 'DomainName=b');
organizations('shorthand then JSON', 'DomainName=a', '{"DomainName": "b"}');
organizations('JSON list then more words', '[{"DomainName": "a"}]', 'x');
organizations('JSON object then an empty word', '{"DomainName": "a"}', '');
organizations('bad JSON list', '[{"DomainName": ');
organizations('no words');
organizations('list value for a string member', 'DomainName=[a,b]');
organizations('a bare word', 'a.example');
organizations('file:// with a JSON list', 'file://domains.json');
organizations('file:// with shorthand', 'file://config.txt');
organizations('fileb:// with text', 'fileb://config.txt');

const devices = cases(
  'DeviceTypeList list of strings (real driver)',
  '--device-types',
  'DeviceTypeList',
  'create-mobile-device-access-rule',
);
devices('several words', 'iPhone', 'Android');
devices('a JSON list', '["iPhone", "Android"]');

const booking = cases(
  'BookingOptions booleans (real driver)',
  '--booking-options',
  'BookingOptions',
  'update-resource',
);
booking('true and false in any case', 'AutoAcceptRequests=TRUE,AutoDeclineRecurringRequests=False');
booking('not a boolean', 'AutoAcceptRequests=yes,AutoDeclineConflictingRequests=1');
booking('a boolean given as a list', 'AutoAcceptRequests=[true]');
booking('a boolean given as a structure', 'AutoAcceptRequests={a=b}');

const scopes = cases('Scopes list of strings', '--scopes', 'PersonalAccessTokenScopeList');
scopes('several words', 'IMAP', 'SMTP');
scopes('a comma is not a separator', 'IMAP,SMTP');
scopes('shorthand-looking word', 'a=b');
scopes('JSON list', '["IMAP", "SMTP"]');
scopes('JSON list with spaces around', '  ["IMAP"]  ');
scopes('JSON list of numbers', '[1, 2]');
scopes('bad JSON list', '["IMAP"');
scopes('JSON-looking second word', 'IMAP', '["SMTP"]');
scopes('JSON-looking first of two words', '["IMAP"]', 'SMTP');
scopes('an empty word', '');
scopes('no words');
scopes('file:// with a word', 'file://scopes.txt');
scopes('file:// with a JSON list', 'file://scopes.json');
scopes('file:// that is empty', 'file://empty.txt');
scopes('file:// with only spaces', 'file://spaces.txt');
scopes('fileb:// with a word', 'fileb://scopes.txt');
scopes('file:// among other words', 'file://scopes.txt', 'SMTP');
scopes('http:// is not fetched', 'http://127.0.0.1:9/scopes');

const integers = cases('Integer list', '--numbers', 'TestIntegerList');
integers('integers', '1', ' 2 ', '3_0');
integers('the second is not an integer', '1', 'x');
integers('a JSON list is not converted', '[1, "a"]');
integers('file:// of digits', 'file://days.txt');

const booleans = cases('Boolean list', '--flags', 'TestBooleanList');
booleans('words', 'true', 'False', 'FALSE', '0', 'no', '');

const doubles = cases('Double list', '--ratios', 'TestDoubleList');
doubles('floats', '1.5', 'nan', '-inf', '1e400', '1_0.5', '.5', '5.');
doubles('not a float', '1.5', '1..5');

const lists = cases('List of lists', '--matrix', 'TestListOfLists');
lists('JSON', '[["a", "b"], ["c"]]');
lists('a word', 'a');
lists('shorthand words', 'x=[a,b]', 'y=c');

const scalars = cases('Top-level scalars', '--value', 'TestString');
scalars('a string', 'hello');
scalars('an empty string', '');
scalars('JSON-looking string', '{"a": 1}');
scalars('file:// string', 'file://status.txt');
scalars('fileb:// string', 'fileb://binary.bin');
scalars('file:// missing', 'file://missing/nope.txt');
scalars('file:// not UTF-8', 'file://latin1.txt');
scalars('file:// empty path', 'file://');
scalars('http:// is kept', 'https://example.invalid/x');
scalars('a prefix in capitals is not one', 'FILE://status.txt');

const longs = cases('Top-level long', '--size', 'TestLong');
longs('an integer', '5');
longs('not an integer', 'x');
longs('file:// is not read (argparse converts first)', 'file://days.txt');

const floats = cases('Top-level double', '--ratio', 'TestDouble');
floats('a float', '1.5');
floats('infinity', 'Infinity');
floats('not a float', 'x');

const singles = cases('Other scalar types', '--when', 'TestTimestamp');
singles('a timestamp as given', '2024-01-02T03:04:05Z');
const blobs = cases('Blob', '--data', 'TestBlob');
blobs('text', 'abc');
blobs('fileb://', 'fileb://binary.bin');

const maps = cases('Map of integers', '--counts', 'TestIntegerMap');
maps('shorthand', 'a=1,b=2');
maps('not an integer', 'a=x');
maps('a list value', 'a=[1,2]');
maps('JSON', '{"a": "1"}');
maps('JSON with a duplicate key', '{"a": 1, "a": 2}');
const listMaps = cases('Map of lists', '--groups', 'TestListMap');
listMaps('single values become lists', 'a=x,b=y,z');

const nested = cases('Nested structure', '--nested', 'TestNested');
nested(
  'every member type',
  'Name=n,Count=3,Enabled=TRUE,Tags=a,b,Inner={Value=1.5,Items=[{Key=k,Number=2},{Key=j}]},' +
    'Options={x=true,y=no},Size=9,Ratio=-0.5',
);
nested('one tag becomes a list', 'Tags=single');
nested('one item becomes a list', 'Inner={Items={Key=k,Number=4}}');
nested('a boolean that is not one', 'Enabled=yes');
nested('a float that is not one', 'Inner={Value=abc}');
nested('a later member fails first in model order', 'Ratio=x,Count=y');
nested('an integer given as a list', 'Count=[1]');
nested('a boolean given as a list', 'Enabled=[a]');
nested('an empty structure member', 'Inner=');
nested('a structure member given as a string', 'Inner=abc');
nested('nested lists', 'Tags=[[a],[b,c]]');
nested('spaces inside braces', 'Inner={ Value = 2 , Items = [ { Key = k } ] }');
nested('duplicate keys inside braces', 'Inner={Value=1,Value=2}');
nested('unterminated nested list', 'Inner={Items=[{Key=k}');
nested('@= inside braces', 'Inner={Items=[{Key@=file://status.txt}]}');
nested('@= state carries on to the next list item', 'Tags=[{a@=b},file://status.txt]');
nested('@= state resets at the next key', 'Inner={Items=[{Key@=x}]},Name=file://status.txt');

const values = cases('Structure of one Value', '--setting', 'TestValueStructure');
values('a bare word', 'shutdown');
values('Value=', 'Value=x');
values('another key', 'a=b');
values('JSON', '{"Value": "j"}');
values('fileb://', 'fileb://binary.bin');
const intValues = cases('Structure of one integer Value', '--limit', 'TestIntegerValueStructure');
intValues('a bare word is not special', 'shutdown');

const all = Object.values(groups).flat();
let answers: OracleResult[] = [];

beforeAll(() => {
  answers = runAwsCliOracle(
    all.map(({ option, shape, values: words, operation }) => ({
      option,
      shape,
      values: words,
      ...(operation ? { operation } : {}),
    })),
    { shapes: TEST_SHAPES, cwd: DIR, env: ENV },
  );
});

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('convertArgumentValue matches aws workmail', () => {
  for (const [group, list] of Object.entries(groups)) {
    describe(group, () => {
      for (const entry of list) {
        it(`${entry.title}: ${JSON.stringify(entry.values)}`, () => {
          const answer = answers[all.indexOf(entry)] as OracleResult;
          const ours = outcomeOf(() =>
            convertArgumentValue(
              { name: entry.option, shapeName: entry.shape },
              entry.values,
              TEST_SHAPES,
              IO,
            ),
          );
          expect(comparable(ours)).toEqual(expectedOf(answer));
        });
      }
    });
  }
});
