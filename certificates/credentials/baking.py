"""The badge image with the credential baked in (Open Badges 3.0 §5.3.1).

A PNG with one `iTXt` chunk, keyword `openbadgecredential`, whose text is the signed
credential (here the VC-JWT). Wallets and backpacks read the credential from the image.
"""

import io
from functools import cache
from pathlib import Path

from PIL import Image, PngImagePlugin

BADGE = Path(__file__).parent / "badge.png"
KEYWORD = "openbadgecredential"


@cache
def _badge() -> Image.Image:
    with Image.open(BADGE) as image:
        return image.copy()


def baked_png(credential: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt(KEYWORD, credential)
    output = io.BytesIO()
    _badge().save(output, format="PNG", pnginfo=info)
    return output.getvalue()
