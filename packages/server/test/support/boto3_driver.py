"""Drives a running mailpat with real boto3, for the end-to-end tests.

Reads one JSON document on stdin:
  {"endpoint": URL, "accessKeyId": ..., "secretAccessKey": ..., "sessionToken": ...?,
   "verify": CA_BUNDLE_PATH?, "steps": [STEP, ...]}
where a STEP is {"call": "list_personal_access_tokens", "params": {...}}
or {"paginate": "list_personal_access_tokens", "params": {...}, "PaginationConfig": {...}}.
Prints one JSON document: a list with, per step, {"result": ...} or {"error": code, "message": ...};
paginate steps give {"pages": [...], "resumeToken": ...}.
"""
import datetime
import json
import sys

import boto3
import botocore.config
from botocore.exceptions import ClientError, ParamValidationError


def jsonable(value):
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def run_step(client, step):
    try:
        if "paginate" in step:
            paginator = client.get_paginator(step["paginate"])
            iterator = paginator.paginate(
                **step.get("params", {}), PaginationConfig=step.get("PaginationConfig", {})
            )
            pages = [jsonable(page) for page in iterator]
            return {"pages": pages, "resumeToken": iterator.resume_token}
        method = getattr(client, step["call"])
        return {"result": jsonable(method(**step.get("params", {})))}
    except ClientError as error:
        err = error.response["Error"]
        status = error.response["ResponseMetadata"].get("HTTPStatusCode")
        return {"error": err.get("Code"), "message": err.get("Message"), "status": status}
    except ParamValidationError as error:
        return {"error": "ParamValidationError", "message": str(error)}


def main():
    spec = json.load(sys.stdin)
    client = boto3.client(
        "workmail",
        endpoint_url=spec["endpoint"],
        region_name=spec.get("region", "us-east-1"),
        aws_access_key_id=spec["accessKeyId"],
        aws_secret_access_key=spec["secretAccessKey"],
        aws_session_token=spec.get("sessionToken"),
        verify=spec.get("verify"),
        config=botocore.config.Config(retries={"max_attempts": 1}),
    )
    print(json.dumps([run_step(client, step) for step in spec["steps"]]))


if __name__ == "__main__":
    main()
