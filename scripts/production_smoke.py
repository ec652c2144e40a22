"""Production smoke test: use the app as started by scripts/production_smoke.sh (the README's
production section: DEBUG off, a secret key, collectstatic, gunicorn) over HTTP.

Signs in as the demo caseworker, issues a certificate through the pages, downloads it and
checks that it was printed with its stylesheet (the fonts pdf.css names are embedded, one
A4 page, the youth's name in the text). Exits non-zero with the reason on the first failure.

Usage: python scripts/production_smoke.py http://127.0.0.1:PORT [SAVE_PDF_AS]
"""

import html
import io
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

import pikepdf
from pypdf import PdfReader


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Just enough of a browser: cookies (also `Secure` ones, as the TLS proxy would pass
    them), CSRF tokens, and the header the README's TLS-terminating proxy sets."""

    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.origin = "https://" + urllib.parse.urlsplit(self.base).netloc
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, dict, bytes]:
        headers = {"X-Forwarded-Proto": "https", "Origin": self.origin}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            data = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", "")} | data
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers["Referer"] = self.origin + path
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, value = cookie.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response.status, dict(response.headers), response.read()

    def get(self, path: str, expect: int = 200) -> str:
        status, _headers, body = self.request(path)
        check(status == expect, f"GET {path} answered {status}, expected {expect}")
        return body.decode()

    def post(self, path: str, data: dict) -> str:
        status, headers, body = self.request(path, data)
        check(status == 302, f"POST {path} answered {status}: {body[:300]!r}")
        return urllib.parse.urlsplit(headers["Location"]).path


def check(condition: bool, message: str) -> None:
    if not condition:
        print(f"production smoke test FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def main(base: str, save_pdf_as: str = "") -> None:
    browser = Browser(base)
    browser.get("/log-ind/")
    landing = browser.post("/log-ind/", {"username": "sagsbehandler", "password": "demo"})
    check("log-ind" not in landing, "the demo caseworker could not sign in")
    page = browser.get("/oversigt/")

    stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', page)
    check(bool(stylesheets), "the overview links no stylesheet")
    for stylesheet in stylesheets:
        check(
            re.search(r"\.[0-9a-f]{12}\.css$", stylesheet) is not None,
            f"{stylesheet} is not hashed",
        )
        browser.get(stylesheet)

    youth_ids = list(dict.fromkeys(re.findall(r'href="/unge/(\d+)/"', browser.get("/unge/"))))
    check(bool(youth_ids), "the youth list shows no youth")
    for youth_id in youth_ids:
        form = browser.get(f"/beviser/nyt/{youth_id}/")
        goals = re.findall(r'<input[^>]*name="goals"[^>]*value="(\d+)"[^>]*checked', form)
        if goals:
            break
    check(bool(goals), "no youth of the demo caseworker has assessed goals to certify")
    draft = browser.post(f"/beviser/nyt/{youth_id}/", {"goals": goals})
    certificate_id = re.search(r"/beviser/(\d+)/", draft).group(1)
    issued = browser.post(f"/beviser/{certificate_id}/udsted/", {})
    detail = html.unescape(browser.get(issued))
    number = re.search(r"[A-Z]{2,}-\d{4}-\d{4}", detail)
    check(number is not None, "the issued certificate's page shows no certificate number")

    status, headers, pdf = browser.request(f"/beviser/{certificate_id}/pdf/")
    check(status == 200 and pdf.startswith(b"%PDF"), f"the download answered {status}")
    if save_pdf_as:
        with open(save_pdf_as, "wb") as saved:
            saved.write(pdf)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        pages = len(document.pages)
        fonts = {
            str(font.BaseFont).split("+")[-1].lstrip("/")
            for page in document.pages
            for font in page.Resources.get("/Font", {}).values()
        }
    check("DejaVu-Sans" in fonts, f"the print stylesheet did not take effect: fonts {fonts}")
    check(pages == 1, f"the certificate has {pages} pages; the print layout fits it on one")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    check(number.group(0) in text, "the PDF does not show the certificate number")

    # The digital certificate (Open Badges 3.0) is public at the verification code, signed
    # with a key the issuer's public key set holds.
    code = re.search(r"/v/([0-9A-Z-]+)/", text.replace(" ", "")).group(1)
    status, _headers, credential = Browser(base).request(f"/ob/beviser/{code}.json")
    check(status == 200, f"the digital certificate answered {status}")
    kid = json.loads(credential)["proof"]["verificationMethod"].split("#")[-1]
    issuer = number.group(0).split("-")[0]
    keys = json.loads(Browser(base).get(f"/ob/issuers/{issuer}/jwks.json"))["keys"]
    check(any(key.get("kid") == kid for key in keys), "the signing key is not published")
    print(
        f"production smoke test passed: signed in, issued {number.group(0)} through the pages, "
        f"downloaded {len(pdf)} bytes, {pages} page, fonts {sorted(fonts)}; its digital "
        "certificate is published and signed with a published key"
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])
