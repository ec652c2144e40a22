"""Read the POST forms on a page as a browser would submit them."""

from html.parser import HTMLParser

SKIPPED_INPUTS = {"submit", "button", "reset", "file", "image"}


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"method": (a.get("method") or "get").lower(), "fields": {}}
            self.forms.append(self._form)
        if self._form is None:
            return
        fields = self._form["fields"]
        name = a.get("name")
        if tag == "input" and name and a.get("type", "text") not in SKIPPED_INPUTS:
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    fields.setdefault(name, []).append(a.get("value", "on"))
            else:
                fields.setdefault(name, []).append(a.get("value") or "")
        elif tag == "select" and name:
            self._select, self._select_first = name, None
            fields.setdefault(name, [])
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in a:
                fields[self._select].append(value)
        elif tag == "textarea" and name:
            self._textarea = name
            fields.setdefault(name, []).append("")

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["fields"][self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select:
            fields = self._form["fields"] if self._form else {}
            if not fields.get(self._select) and self._select_first is not None:
                fields[self._select] = [self._select_first]
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def main_post_form(html: str) -> dict[str, list[str]]:
    """The fields of the POST form with the most fields (not the sign-out button)."""
    parser = _FormParser()
    parser.feed(html)
    forms = [form["fields"] for form in parser.forms if form["method"] == "post"]
    assert forms, "no POST form on the page"
    fields = max(forms, key=len)
    fields.pop("csrfmiddlewaretoken", None)
    return fields
