"""The offline edition: make Material's offline plugin load nothing from the network.

Event: on_config, before the offline plugin's own. When the plugin is enabled
(GUIDE_OFFLINE=true, see `make offline`), register the iframe-worker shim that search
needs under file:// from docs/assets/vendor/ as a polyfill; the plugin then skips
adding its copy from a CDN (a known upstream issue, mkdocs-material #6181).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

SHIM = "assets/vendor/iframe-worker-shim.js"


@event_priority(100)
def on_config(config):
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]
    return config
