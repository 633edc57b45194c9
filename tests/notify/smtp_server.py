#!/usr/bin/python3
"""A real SMTP server for Samen's outbox tests, on Debian's python3-aiosmtpd.

Usage: /usr/bin/python3 smtp_server.py DIR

Listens on a free loopback port and prints "port N" once it accepts mail.
Each message it receives becomes DIR/NNNN.json: the envelope, the headers as
Python's email package decodes them (RFC 2047 subjects), the decoded text and
HTML parts, parse defects, and facts about the raw bytes (ASCII only, longest
line). Recipients at refused.example get "550 no such user", a permanent
refusal. Runs until killed.
"""
import json
import os
import signal
import socket
import sys
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith("@refused.example"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.content
        msg = BytesParser(policy=policy.default).parsebytes(raw)
        text = msg.get_body(("plain",))
        html = msg.get_body(("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": {k.lower(): str(v) for k, v in msg.items()},
            "content_type": msg.get_content_type(),
            "text": text.get_content() if text is not None else None,
            "html": html.get_content() if html is not None else None,
            "defects": [str(d) for part in msg.walk() for d in part.defects],
            "ascii_only": all(b < 128 for b in raw),
            "longest_line": max((len(line) for line in raw.split(b"\r\n")), default=0),
        }
        self.count += 1
        path = os.path.join(self.folder, "%04d.json" % self.count)
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(path + ".tmp", path)  # readers never see half a message
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    port = free_port()
    controller = Controller(Recorder(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("port %d" % port, flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
