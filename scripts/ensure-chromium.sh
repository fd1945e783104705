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

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium found; installing Debian's chromium package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    chromium fonts-liberation fonts-dejavu-core >&2
  if [ -x /usr/bin/chromium ]; then
    echo /usr/bin/chromium
    exit 0
  fi
fi

cat >&2 <<'MSG'
No Chromium found, and it could not be installed automatically.
The browser tests need one. Install it, then run `make test` again:
  Debian/Ubuntu:  sudo apt-get install chromium
  or point CHROMIUM at an existing build: CHROMIUM=/path/to/chromium make test
MSG
exit 1
