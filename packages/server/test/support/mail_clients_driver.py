"""Drives a mail server with Python's own clients (smtplib, poplib), for the end-to-end tests.

Reads one JSON document on stdin, by "client":
  {"client": "smtp", "port": N, "user": ..., "password": ..., "from": ..., "to": [...],
   "message": RFC5322_TEXT, "localAddress": IP?}
      EHLO, AUTH PLAIN (only PLAIN: smtplib would try every advertised mechanism in turn, and each
      refusal costs a Dovecot failure delay), then MAIL FROM/RCPT TO/DATA; after a refused AUTH
      it still tries to send, and says how that ended as "sendAnyway".
  {"client": "pop3", "port": N, "user": ..., "password": ..., "retrieve": N?, "localAddress": IP?}
      USER/PASS, STAT, and RETR of message N when given.
  {"client": "lmtp", "port": N, "from": ..., "to": [...], "message": RFC5322_TEXT}
      LHLO, MAIL FROM/RCPT TO/DATA.
Prints one JSON document: {"ok": true, ...} or {"ok": false, "stage": "auth"|"send", "code": N?,
"error": "<the server's answer>"}; pop3 adds "stat": [count, octets] and "message".
"""
import json
import poplib
import smtplib
import socket
import sys

TIMEOUT_S = 60


def source(spec):
    address = spec.get("localAddress")
    return (address, 0) if address else None


def smtp(spec):
    with smtplib.SMTP("127.0.0.1", spec["port"], source_address=source(spec), timeout=TIMEOUT_S) as client:
        client.ehlo()
        client.user, client.password = spec["user"], spec["password"]
        try:
            client.auth("PLAIN", client.auth_plain)
        except smtplib.SMTPAuthenticationError as error:
            refusal = {"ok": False, "stage": "auth", "code": error.smtp_code}
            # Sends anyway, as a client ignoring the refusal would: the server must not relay it.
            return {**refusal, "error": error.smtp_error.decode(), "sendAnyway": send(client, spec)}
        return send(client, spec)


def lmtp(spec):
    with smtplib.LMTP("127.0.0.1", spec["port"], timeout=TIMEOUT_S) as client:
        return send(client, spec)


def send(client, spec):
    try:
        refused = client.sendmail(spec["from"], spec["to"], spec["message"].encode())
    except smtplib.SMTPResponseException as error:
        return {"ok": False, "stage": "send", "code": error.smtp_code, "error": error.smtp_error.decode()}
    except smtplib.SMTPRecipientsRefused as error:
        return {"ok": False, "stage": "send", "error": repr(error.recipients)}
    if refused:
        return {"ok": False, "stage": "send", "error": repr(refused)}
    return {"ok": True}


class SourcedPOP3(poplib.POP3):
    """poplib.POP3 connecting from a given local address (poplib has no source_address)."""

    def __init__(self, port, source_address):
        self.source_address = source_address
        super().__init__("127.0.0.1", port, TIMEOUT_S)

    def _create_socket(self, timeout):
        return socket.create_connection((self.host, self.port), timeout, self.source_address)


def pop3(spec):
    client = SourcedPOP3(spec["port"], source(spec))
    try:
        client.user(spec["user"])
        try:
            client.pass_(spec["password"])
        except poplib.error_proto as error:
            return {"ok": False, "stage": "auth", "error": error.args[0].decode()}
        outcome = {"ok": True, "stat": list(client.stat())}
        if spec.get("retrieve"):
            _, lines, _ = client.retr(spec["retrieve"])
            outcome["message"] = b"\r\n".join(lines).decode()
        client.quit()
        return outcome
    finally:
        client.close()


def main():
    spec = json.load(sys.stdin)
    print(json.dumps({"smtp": smtp, "pop3": pop3, "lmtp": lmtp}[spec["client"]](spec)))


if __name__ == "__main__":
    main()
