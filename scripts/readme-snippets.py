#!/usr/bin/env python3
"""Writes the fenced snippets of README.md that scripts/test-readme runs into a folder, one file each.

Each snippet is found by the section (## heading) it is under, its fence language and a piece of
text it must contain, so that moving or rewording prose around it does not matter, but losing or
renaming the snippet is an error naming what is missing. Usage: readme-snippets.py README.md DIR
"""
import pathlib
import re
import sys

# file name → (section heading, fence language, text the block contains)
SNIPPETS = {
    "two-commands.sh": ("The two commands", "sh", "scripts/run"),
    "package.swift": ("Ways of use", "swift", ".package(url:"),
    "command-plugin.sh": ("Ways of use", "sh", "generate-code-from-spec"),
    "cli.sh": ("Ways of use", "sh", "specgen generate"),
    "openapi.yaml": ("The generated API", "yaml", "openapi:"),
    "client.swift": ("The generated API", "swift", "Client("),
    "server.swift": ("The generated API", "swift", "registerHandlers"),
    "http.swift": ("Parameters, bodies, streams, auth, webhooks", "swift", "bearerAuth"),
    "config.yaml": ("Configuration", "yaml", "modes:"),
    "diagnostics.txt": ("Diagnostics", "", ": error: "),
}


def blocks(text):
    """(section, language, body) for every fenced block."""
    section, found = "", []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("## "):
            section = line[3:].strip()
        fence = re.match(r"^```(\w*)\s*$", line)
        if fence:
            body = []
            i += 1
            while i < len(lines) and lines[i].rstrip() != "```":
                body.append(lines[i])
                i += 1
            found.append((section, fence.group(1), "\n".join(body) + "\n"))
        i += 1
    return found


def main():
    readme, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    all_blocks = blocks(readme.read_text())
    missing = []
    for name, (section, language, marker) in SNIPPETS.items():
        matches = [b for (s, l, b) in all_blocks if s == section and l == language and marker in b]
        if len(matches) != 1:
            missing.append(f"{len(matches)} ```{language} blocks containing {marker!r} under '## {section}' (want 1)")
            continue
        (out / name).write_text(matches[0])
    if missing:
        sys.exit("README.md: " + "; ".join(missing))


main()
