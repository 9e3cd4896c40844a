"""Drives a running kernel with Debian's jupyter_client and checks each message against jupyter_kernel_test's schemas.

Usage: /usr/bin/python3 jupyter_client_check.py CONNECTION_FILE
Prints one JSON object summarising what the kernel answered; any invalid message raises and exits non-zero.
"""
import json
import sys

from jupyter_client import BlockingKernelClient
from jupyter_kernel_test.msgspec_v5 import validate_message

TIMEOUT = 30


def shell_reply(client, msg_id, msg_type):
    reply = client.get_shell_msg(timeout=TIMEOUT)
    validate_message(reply, msg_type, msg_id)
    return reply


def execute(client, code, outputs):
    def keep(message):
        validate_message(message)
        outputs.append([message["msg_type"], message["content"]])

    reply = client.execute_interactive(code, timeout=TIMEOUT, output_hook=keep)
    validate_message(reply, "execute_reply", reply["parent_header"]["msg_id"])
    return reply["content"]


def main(connection_file):
    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        info = shell_reply(client, client.kernel_info(), "kernel_info_reply")["content"]
        outputs = []
        ok = execute(client, "print hello, world\ndisplay d1 shown\nupdate d1 updated\nresult 42", outputs)
        failed = execute(client, "fail boom", outputs)
        incomplete = shell_reply(client, client.is_complete("if (x) {"), "is_complete_reply")["content"]
        complete = shell_reply(client, client.is_complete("var x = 1;"), "is_complete_reply")["content"]
        print(json.dumps({
            "protocol_version": info["protocol_version"],
            "language_info": info["language_info"],
            "ok": ok,
            "failed": failed,
            "outputs": outputs,
            "incomplete": incomplete,
            "complete": complete,
        }))
    finally:
        client.stop_channels()


if __name__ == "__main__":
    main(sys.argv[1])
