"""@module Test oracle: runs the installed aws CLI v1 argument code on JSON cases from stdin.

Used only by the parity tests beside it. Input: {"shapes": {...}, "cases": [...]}; output: one
JSON result per case, {"value": ...} or {"error": str(exception), "type": ..., ...}. Values that
JSON cannot carry are tagged: bytes as {"$bytes": base64}, non-finite floats as {"$float": ...}.
"""

import argparse
import base64
import json
import math
import os
import re
import sys

from botocore.model import ShapeResolver

from awscli.argprocess import ParamShorthandParser, unpack_cli_arg
from awscli.arguments import CLIArgument, ListArgument
from awscli.clidriver import create_clidriver
from awscli.paramfile import LOCAL_PREFIX_MAP, URIArgumentHandler, get_paramfile
from awscli.shorthand import ShorthandParseSyntaxError, ShorthandParser

_driver = None


def tag(value):
    if isinstance(value, bytes):
        return {'$bytes': base64.b64encode(value).decode('ascii')}
    if isinstance(value, float) and not math.isfinite(value):
        return {'$float': repr(value)}
    if isinstance(value, dict):
        return {k: tag(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [tag(v) for v in value]
    return value


PLACEHOLDER = '{self._error_location()}'


def describe_error(error):
    result = {'error': str(error), 'type': type(error).__name__}
    # The installed release prints the literal "{self._error_location()}" (aws/aws-cli#10467).
    # 'fixed' is what the release with the fix prints: the location in its place, or, where
    # computing the location itself fails (bytes input), that failure instead.
    cause = error
    while cause is not None:
        if isinstance(cause, ShorthandParseSyntaxError) and PLACEHOLDER in str(error):
            try:
                result['fixed'] = str(error).replace(PLACEHOLDER, cause._error_location())
            except Exception as failure:
                result['fixed'] = str(failure)
            break
        cause = cause.__context__
    return result


def argparse_value(argument, values):
    # argparse converts each string with the argument's cli_type before aws sees it.
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    argument.add_to_parser(parser)
    action = parser._actions[-1]
    if action.nargs is None:
        if len(values) != 1:
            raise argparse.ArgumentError(action, 'expected one argument')
        return parser._get_value(action, values[0])
    return [parser._get_value(action, v) for v in values]


def synthetic_argument(shapes, case):
    model = ShapeResolver(shapes).get_shape_by_name(case['shape'])
    cls = ListArgument if model.type_name == 'list' else CLIArgument
    return cls(case['option'][2:], model, operation_model=None, event_emitter=None)


def convert_synthetic(shapes, case):
    # The chain clidriver runs: argparse type, load-cli-arg (paramfiles), process-cli-arg
    # (shorthand), then unpack_cli_arg; the real-driver mode below checks this chain.
    argument = synthetic_argument(shapes, case)
    value = argparse_value(argument, case['values'])
    loaded = URIArgumentHandler(dict(LOCAL_PREFIX_MAP))(
        'load-cli-arg.workmail.operation.' + argument.name, argument, value
    )
    if loaded is not None:
        value = loaded
    parsed = ParamShorthandParser()(argument, value, 'process-cli-arg.workmail.operation')
    return parsed if parsed is not None else unpack_cli_arg(argument, value)


def convert_real(case):
    global _driver
    if _driver is None:
        _driver = create_clidriver()
        # As driver.main() does before running a command: the paramfile handler registers
        # itself on session-initialized.
        parser = _driver._create_parser(_driver._get_command_table())
        parsed_args, _ = parser.parse_known_args(['workmail', case['operation']])
        _driver._emit_session_event(parsed_args)
    service = _driver._get_command_table()['workmail']
    operation = service._get_command_table()[case['operation']]
    argument = operation.arg_table[case['option'][2:]]
    value = argparse_value(argument, case['values'])
    namespace = argparse.Namespace(**{argument.py_name: value})
    params = operation._build_call_parameters(
        namespace, {argument.name: argument}, argparse.Namespace(v2_debug=False)
    )
    # Custom arguments such as --cli-input-json add nothing here; only their errors tell.
    return params.get(getattr(argument, '_serialized_name', None))


def run_case(shapes, case):
    kind = case.get('kind', 'argument')
    if kind == 'argument':
        if case.get('operation'):
            return convert_real(case)
        return convert_synthetic(shapes, case)
    if kind == 'json':
        return json.loads(case['text'])
    if kind == 'int':
        return int(case['text'])
    if kind == 'float':
        return float(case['text'])
    if kind == 'repr':
        return repr(case['text'])
    if kind == 'shorthand':
        return ShorthandParser().parse(case['text'])
    if kind == 'paramfile':
        return get_paramfile(case['text'], LOCAL_PREFIX_MAP)
    if kind == 'classes':
        return character_classes()
    raise ValueError('unknown case kind ' + kind)


def character_classes():
    # Every code point each shorthand character class accepts, as [first, last] ranges.
    parser = ShorthandParser
    patterns = {
        'start': '[' + parser._START_WORD + ']',
        'firstFollow': '[' + parser._FIRST_FOLLOW_CHARS + ']',
        'secondFollow': '[' + parser._SECOND_FOLLOW_CHARS + ']',
        'space': r'\s',
    }
    result = {}
    for name, pattern in patterns.items():
        regex = re.compile(pattern, re.UNICODE)
        result[name] = ranges(lambda c: regex.fullmatch(c) is not None)
    result['isspace'] = ranges(lambda c: c.isspace())
    result['decimal'] = ranges(lambda c: c.isdecimal())
    return result


def ranges(predicate):
    found, start = [], None
    for code in range(0x110000 + 1):
        inside = code < 0x110000 and predicate(chr(code))
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            found.append([start, code - 1])
            start = None
    return found


def main():
    request = json.load(sys.stdin)
    shapes = request.get('shapes', {})
    os.chdir(request.get('cwd', os.getcwd()))
    results = []
    for case in request['cases']:
        try:
            results.append({'value': tag(run_case(shapes, case))})
        except BaseException as error:  # SystemExit included: argparse may exit
            results.append(describe_error(error))
    json.dump(results, sys.stdout)


main()
