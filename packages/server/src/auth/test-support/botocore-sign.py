"""Signs a WorkMail ListOrganizations request with botocore itself.

Usage: python3 botocore-sign.py '<json: {accessKeyId, secretAccessKey, sessionToken?, region,
url, body, send?}>'
Without `send`, prints {"headers": [[name, value], ...]}; botocore signs Host from the URL
without adding it to the request, so Host is printed first, as the HTTP client would send it.
With `send`, sends the request through botocore's own HTTP session and prints the status.
"""
import json
import sys

from botocore.auth import SigV4Auth, _host_from_url
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.httpsession import URLLib3Session

args = json.loads(sys.argv[1])
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
credentials = Credentials(args["accessKeyId"], args["secretAccessKey"], args.get("sessionToken"))
SigV4Auth(credentials, "workmail", args["region"]).add_auth(request)
if args.get("send"):
    response = URLLib3Session().send(request.prepare())
    print(json.dumps({"status": response.status_code}))
else:
    headers = [["Host", _host_from_url(args["url"])]]
    headers += [[name, value] for name, value in request.headers.items()]
    print(json.dumps({"headers": headers}))
