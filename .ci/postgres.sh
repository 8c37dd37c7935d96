# Sourced by .ci/run and .ci/with-postgres: starts and stops a throwaway PostgreSQL 15 cluster for the PostgreSQL
# store's tests and benchmarks.
#
#   start_throwaway_postgres   initdb on a fresh temporary directory (trust auth, listening only on 127.0.0.1 on a free
#                              port, its unix socket in that directory), starts it, waits until it accepts connections
#                              and exports VOLUNTEERING_PG (an Npgsql connection string of the superuser "postgres").
#   stop_throwaway_postgres    stops it (immediate mode) and deletes the directory; safe to call more than once.
#
# initdb refuses to run as root, so as root the cluster belongs to the "postgres" OS user (created if missing);
# otherwise it belongs to the current user. Durability settings stay at PostgreSQL's defaults (fsync = on,
# synchronous_commit = on, full_page_writes = on): tests and benchmarks run against a real, durable server.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_TMP=""
PG_OWNER=""

_pg_as_owner() {
  if [ -n "$PG_OWNER" ]; then runuser -u "$PG_OWNER" -- "$@"; else "$@"; fi
}

_pg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return 0
  # No python3: try ports until one is free.
  local port
  for port in $(seq 54320 54420); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

start_throwaway_postgres() {
  if [ ! -x "$PG_BIN/initdb" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL 15 is not installed; installing postgresql-15" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15) >&2 || true
  fi
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL binaries not found in $PG_BIN" >&2
    return 1
  fi

  if [ "$(id -u)" -eq 0 ]; then
    PG_OWNER=postgres
    id -u "$PG_OWNER" >/dev/null 2>&1 || useradd --system --no-create-home "$PG_OWNER" || return 1
  fi

  PG_TMP=$(mktemp -d /tmp/volunteering-pg.XXXXXX) || return 1
  chmod 700 "$PG_TMP"
  [ -n "$PG_OWNER" ] && chown "$PG_OWNER" "$PG_TMP"

  local port
  port=$(_pg_free_port) || { echo "no free port for PostgreSQL" >&2; return 1; }

  _pg_as_owner "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; return 1; }
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_TMP -c max_connections=300" >/dev/null \
    || { cat "$PG_TMP/server.log" >&2; return 1; }

  local i
  for i in $(seq 1 60); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres && break
    sleep 0.5
  done
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres || { echo "PostgreSQL did not become ready" >&2; cat "$PG_TMP/server.log" >&2; return 1; }

  export VOLUNTEERING_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "Started a throwaway PostgreSQL 15 cluster in $PG_TMP on 127.0.0.1:$port" >&2
}

stop_throwaway_postgres() {
  if [ -n "$PG_TMP" ] && [ -d "$PG_TMP" ]; then
    if [ -f "$PG_TMP/data/postmaster.pid" ]; then
      _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TMP"
  fi
  PG_TMP=""
}
