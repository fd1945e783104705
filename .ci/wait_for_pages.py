"""Wait until a local server answers each URL with 200 and a page that holds the text given
after it (`URL=TEXT`), at most 10 minutes in all (a first `make serve` installs the site's
dependencies before it serves), then exit 0; exit 1 with the last reason otherwise. The text
tells the real page from the preview's problem page. Standard library only: it runs before
any venv exists."""

from __future__ import annotations

import sys
import time
import urllib.request

DEADLINE_SECONDS = 600


def answers(url: str, text: str) -> str | None:
    """None when the page is served and holds `text`, else why not."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read().decode("utf-8", "replace")
    except OSError as error:
        return str(error)
    if text not in body:
        return f"the page does not contain {text!r}"
    return None


def main(pages: list[str]) -> int:
    deadline = time.monotonic() + DEADLINE_SECONDS
    for page in pages:
        url, _, text = page.partition("=")
        while (why := answers(url, text)) is not None:
            if time.monotonic() > deadline:
                print(f"{url}: {why}", file=sys.stderr)
                return 1
            time.sleep(1)
        print(f"served: {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
