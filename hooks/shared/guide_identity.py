"""Who this guide is, for files that leave the site: the Anki deck's ids and GUIDs, and the
progress file's "which guide" check.

Pure functions, no MkDocs events. The identity is the guide's address (`site_url`), which a
fork changes when it publishes: two forks then never share deck ids or progress files. While
`site_url` is missing or still an example address (RFC 2606, as the shipped one), the title is
added, so that two unpublished forks with different titles stay apart too.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from markdown.extensions.toc import slugify

PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")  # as tools/guide_project.py


def identity(site_name: str | None, site_url: str | None) -> str:
    """"example.org/helping-relationship/ The Helping Relationship" (placeholder address), or
    "user.github.io/guide/" (a published one): host in lower case, path ending in "/"."""
    parts = urlsplit(str(site_url or ""))
    host = (parts.hostname or "").lower()
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    address = host + path
    placeholder = not host or any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS)
    return f"{address} {str(site_name or '').strip()}" if placeholder else address


def stable_id(guide: str, *names: object) -> int:
    """A number fixed by the guide and the names (an Anki deck or note type id): in genanki's
    recommended range, 2**30 to 2**31, so it fits every Anki version's integer fields."""
    digest = hashlib.sha256("\x1f".join([guide, *map(str, names)]).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def file_stem(site_name: str | None) -> str:
    """The guide's title as a file name: "the-helping-relationship"."""
    return slugify(str(site_name or ""), "-") or "guide"
