"""Signs WorkMail requests with botocore itself.

Usage: python3 botocore-sign.py '<json: {accessKeyId, secretAccessKey, sessionToken?, region,
url, body, send?}>'
Without `send`, prints {"headers": [[name, value], ...]}; botocore signs Host from the URL
without adding it to the request, so Host is printed first, as the HTTP client would send it.
With `send`, sends the request through botocore's own HTTP session and prints the status.

Usage: python3 botocore-sign.py --batch
Reads one JSON request a line on stdin ({accessKeyId, secretAccessKey, region, method, url,
headers: [[name, value], ...] (repeats kept), body, amzDate: "YYYYMMDDTHHMMSSZ"}) and prints
one {"headers": [[name, value], ...]} a line, in order: the headers as sent, signed at amzDate.
"""
import datetime
import json
import sys

import botocore.auth
from botocore.auth import SigV4Auth, _host_from_url
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.httpsession import URLLib3Session


def sign_one(args):
    request = AWSRequest(
        method="POST",
        url=args["url"],
        data=args["body"].encode("utf-8"),
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "WorkMailService.ListOrganizations",
            "User-Agent": "Boto3/test botocore/test",
        },
    )
    credentials = Credentials(
        args["accessKeyId"], args["secretAccessKey"], args.get("sessionToken")
    )
    SigV4Auth(credentials, "workmail", args["region"]).add_auth(request)
    if args.get("send"):
        response = URLLib3Session().send(request.prepare())
        print(json.dumps({"status": response.status_code}))
    else:
        headers = [["Host", _host_from_url(args["url"])]]
        headers += [[name, value] for name, value in request.headers.items()]
        print(json.dumps({"headers": headers}))


def sign_batch(lines, out):
    results = []
    for line in lines:
        try:
            results.append(json.dumps({"headers": sign_headers(json.loads(line))}))
        except Exception as error:  # one unsignable request must not end the batch
            results.append(json.dumps({"error": repr(error)}))
    out.write("\n".join(results) + "\n")
    out.flush()


def sign_headers(args):
    request = AWSRequest(
        method=args["method"], url=args["url"], data=args["body"].encode("utf-8")
    )
    # HTTPHeaders appends on assignment, so a repeated name is sent (and signed) twice.
    for name, value in args["headers"]:
        request.headers[name] = value
    d = args["amzDate"]  # YYYYMMDDTHHMMSSZ; strptime would cost a third of the run
    signing_time = datetime.datetime(
        int(d[0:4]), int(d[4:6]), int(d[6:8]), int(d[9:11]), int(d[11:13]), int(d[13:15])
    )
    botocore.auth.get_current_datetime = lambda: signing_time
    credentials = Credentials(args["accessKeyId"], args["secretAccessKey"])
    SigV4Auth(credentials, "workmail", args["region"]).add_auth(request)
    return [[name, value] for name, value in request.headers.items()]


if sys.argv[1] == "--batch":
    sign_batch(sys.stdin, sys.stdout)
else:
    sign_one(json.loads(sys.argv[1]))
