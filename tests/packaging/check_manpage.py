#!/usr/bin/env python3
"""The manual page documents exactly the options that `wsroom --help` shows.

Usage: check_manpage.py WSROOM MANPAGE
"""
import os
import re
import subprocess
import sys


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main():
    if len(sys.argv) != 3:
        fail(__doc__)
    wsroom, manpage = sys.argv[1:]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANGUAGE="C", LC_ALL="C.UTF-8")
    help_text = subprocess.run([wsroom, "--help"], capture_output=True, text=True, env=env,
                               check=True, timeout=60).stdout
    # An option line of Qt's help starts with two spaces and names its options: "-h, --help".
    help_options = set()
    for line in help_text.splitlines():
        match = re.match(r"^  (-[^ ,]+(?:, -[^ ,]+)*)", line)
        if match:
            for option in match.group(1).split(", "):
                help_options.add(option)
    if "--help" not in help_options or "--port" not in help_options:
        fail(f"could not read the options of --help:\n{help_text}")

    # In the page's OPTIONS section, each option is a .TP paragraph's tag, with \- for a dash.
    with open(manpage, encoding="utf-8") as page:
        lines = page.read().splitlines()
    if ".SH OPTIONS" not in lines:
        fail(f"{manpage}: no .SH OPTIONS section")
    section = lines[lines.index(".SH OPTIONS") + 1:]
    section = section[:next((i for i, l in enumerate(section) if l.startswith(".SH")), None)]
    documented = set()
    for previous, line in zip(section, section[1:]):
        if previous.strip() == ".TP":
            for option in re.findall(r"(?<![\w-])((?:\\-){1,2}[a-z][a-z\\-]*)", line):
                documented.add(option.replace("\\-", "-"))

    missing = sorted(help_options - documented)
    extra = sorted(documented - help_options)
    if missing or extra:
        fail(f"{manpage}: options of --help missing from the page: {missing}; "
             f"in the page but not in --help: {extra}")
    print(f"PASS: the page and --help have the same {len(help_options)} options")


if __name__ == "__main__":
    main()
