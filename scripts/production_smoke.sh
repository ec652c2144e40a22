#!/usr/bin/env bash
# Start the app the way the README's production section does, on a fresh PostgreSQL
# database and a free local port, and run scripts/production_smoke.py against it.
# Used by .ci/run. Needs .venv (make install) and PostgreSQL. SMOKE_PDF=path keeps the
# downloaded certificate, to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

db="kompetencebeviser_smoke"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
workdir=$(mktemp -d)

# Production configuration: no DJANGO_DEBUG, everything from the environment.
unset DJANGO_DEBUG
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db"
export DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_ALLOWED_HOSTS="127.0.0.1"
export SITE_URL="http://127.0.0.1:$port"
export DJANGO_MEDIA_ROOT="$workdir/media"
export DJANGO_STATIC_ROOT="$workdir/static"
export CREDENTIAL_KEYS_DIR="$workdir/keys"

.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py collectstatic --noinput -v 0
.venv/bin/python manage.py check --deploy --fail-level WARNING
.venv/bin/python manage.py seed_demo --force >/dev/null 2>&1
.venv/bin/python manage.py credential_keys >/dev/null
.venv/bin/python manage.py credential_export >/dev/null

.venv/bin/gunicorn config.wsgi --workers 2 --timeout 60 --bind "127.0.0.1:$port" \
  --pid "$workdir/gunicorn.pid" --access-logfile - --error-logfile - >"$workdir/gunicorn.log" 2>&1 &
stop_gunicorn() {
  if [ -f "$workdir/gunicorn.pid" ]; then kill "$(cat "$workdir/gunicorn.pid")" 2>/dev/null || true; fi
}
trap stop_gunicorn EXIT
for _ in $(seq 1 60); do
  .venv/bin/python -c "import http.client as h; c=h.HTTPConnection('127.0.0.1', $port, timeout=2); c.request('GET', '/log-ind/'); c.getresponse()" 2>/dev/null && break
  sleep 0.5
done

if ! .venv/bin/python scripts/production_smoke.py "http://127.0.0.1:$port" "${SMOKE_PDF:-}"; then
  echo "--- gunicorn log ---"; tail -50 "$workdir/gunicorn.log"
  exit 1
fi
