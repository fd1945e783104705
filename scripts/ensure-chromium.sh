#!/usr/bin/env bash
# Print the path of a Chromium for the browser tests, installing Debian's package when
# that is possible. Never `playwright install`: it downloads a browser, which CI cannot.
set -euo pipefail

for candidate in "${CHROMIUM:-}" /usr/bin/chromium "$(command -v chromium 2>/dev/null || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "$candidate"
    exit 0
  fi
done

echo "No Chromium found; trying to install Debian's chromium package..." >&2
if "$(dirname "$0")/apt-install.sh" chromium fonts-liberation fonts-dejavu-core && [ -x /usr/bin/chromium ]; then
  echo /usr/bin/chromium
  exit 0
fi

cat >&2 <<'MSG'
No Chromium found, and it could not be installed automatically.
The browser tests need one. Install it, then run `make test` again:
  Debian/Ubuntu:  sudo apt-get install chromium
  or point CHROMIUM at an existing build: CHROMIUM=/path/to/chromium make test
MSG
exit 1
