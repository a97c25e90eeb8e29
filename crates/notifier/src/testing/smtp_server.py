"""A real SMTP server for the e-mail tests, on aiosmtpd.

Usage: server.py PORT DIRECTORY [REFUSED_ADDRESS ...]

Every accepted message is written to DIRECTORY as one JSON file (written
whole, then renamed) with its Message-ID, recipients, decoded subject and
its MIME parts. A recipient named in REFUSED_ADDRESS is refused for good
with 550. Runs until killed.
"""

import email
import email.policy
import json
import os
import sys
import threading
import uuid

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, directory, refused):
        self.directory = directory
        self.refused = {address.lower() for address in refused}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            parts.append(
                {
                    "content_type": part.get("Content-Type", ""),
                    "body": part.get_content(),
                }
            )
        record = {
            "message_id": message.get("Message-ID", ""),
            "to": envelope.rcpt_tos,
            "from": message.get("From", ""),
            "subject": str(message.get("Subject", "")),
            "content_type": message.get("Content-Type", ""),
            "parts": parts,
        }
        name = uuid.uuid4().hex
        partial = os.path.join(self.directory, "." + name + ".partial")
        with open(partial, "w", encoding="utf-8") as out:
            json.dump(record, out)
        os.rename(partial, os.path.join(self.directory, name + ".json"))
        return "250 Message accepted for delivery"


def main():
    port = int(sys.argv[1])
    directory = sys.argv[2]
    controller = Controller(
        Recorder(directory, sys.argv[3:]), hostname="127.0.0.1", port=port
    )
    controller.start()
    threading.Event().wait()


if __name__ == "__main__":
    main()
