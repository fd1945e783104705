"""The promises to readers, checked on the built output: the HTML and CSS allowlist, the
Content-Security-Policy, link hardening, every shipped file known by its bytes, the gate."""
