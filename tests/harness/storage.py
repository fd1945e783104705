"""What a page left on the device: cookies and every web storage API (PRIV-5, PRIV-6)."""

from __future__ import annotations

_SNAPSHOT_JS = """async () => ({
  localStorage: Object.keys(localStorage),
  sessionStorage: Object.keys(sessionStorage),
  indexedDB: (await indexedDB.databases()).map(db => db.name),
  caches: await caches.keys(),
  serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


def storage_snapshot(page) -> dict:
    snapshot = page.evaluate(_SNAPSHOT_JS)
    snapshot["cookies"] = page.context.cookies()
    return snapshot


def is_empty(snapshot: dict) -> bool:
    return not any(snapshot.values())
