"""{% pk_url "workspace:youth_detail" youth.pk %}: `{% url %}` for a view whose one argument
is an integer primary key, in lists of many rows (see workspace/links.py)."""

from django import template

from workspace.links import pk_url

register = template.Library()
register.simple_tag(pk_url, name="pk_url")
