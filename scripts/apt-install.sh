#!/usr/bin/env bash
# Install Debian packages when this machine allows it (root with apt-get), waiting for the
# dpkg lock instead of failing; exits 1 when it cannot, so the caller can explain what to do.
# Used by ensure-chromium.sh and ensure-java.sh. Output goes to stderr: callers print paths.
set -euo pipefail
[ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 || exit 1
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >&2
