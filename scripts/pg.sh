#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the server's tests, run as the `postgres` user (PostgreSQL
# refuses root) in a temporary directory, on its own port and socket directory, trust auth on
# 127.0.0.1 only. Nothing outside the directory is touched.
#
#   eval "$(scripts/pg.sh start)"   # exports SCPO_TEST_DATABASE_URL and SCPO_PG_DIR
#   scripts/pg.sh stop "$SCPO_PG_DIR"
set -euo pipefail
# runuser lives in /usr/sbin, which a root shell with a trimmed PATH (some CI runners) lacks.
export PATH="$PATH:/usr/sbin:/sbin"

bin_dir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return; }
  done
  echo "scripts/pg.sh: PostgreSQL's initdb and pg_ctl not found (apt-get install postgresql)" >&2
  exit 1
}

as_postgres() {
  if [[ "$(id -un)" == postgres ]]; then
    "$@"
  elif [[ "$(id -u)" -eq 0 ]]; then
    # runuser keeps no terminal and needs no password.
    runuser -u postgres -- "$@"
  else
    sudo -u postgres "$@"
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

case "${1:-}" in
  start)
    bin="$(bin_dir)"
    dir="$(mktemp -d /tmp/scpo-pg.XXXXXX)"
    chown postgres "$dir" 2>/dev/null || true
    chmod 700 "$dir"
    port="$(free_port)"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "export SCPO_PG_DIR=$dir"
    echo "export SCPO_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir="${2:?usage: scripts/pg.sh stop DIR}"
    [[ -d "$dir/data" ]] || exit 0
    as_postgres "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: scripts/pg.sh start | stop DIR" >&2
    exit 2
    ;;
esac
