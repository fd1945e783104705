#!/usr/bin/env bash
# Print the path of a Java runtime for the W3C Nu Html Checker (npm vnu-jar), installing
# Debian's default-jre-headless when that is possible, like ensure-chromium.sh does.
set -euo pipefail

for candidate in "${JAVA:-}" "$(command -v java 2>/dev/null || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "$candidate"
    exit 0
  fi
done

echo "No Java found; trying to install Debian's default-jre-headless package..." >&2
if "$(dirname "$0")/apt-install.sh" default-jre-headless && command -v java >/dev/null 2>&1; then
  command -v java
  exit 0
fi

cat >&2 <<'MSG'
No Java found, and it could not be installed automatically.
The HTML validity test (W3C Nu Html Checker) needs one. Install it, then run `make test` again:
  Debian/Ubuntu:  sudo apt-get install default-jre-headless
  or point JAVA at an existing java binary: JAVA=/path/to/java make test
MSG
exit 1
