"""A systemd unit file's settings, as the package tests read them."""


def settings(text):
    """{key: [values in order]} of a unit file's key = value lines (sections and comments skipped)."""
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        out.setdefault(key.strip(), []).append(value.strip())
    return out
