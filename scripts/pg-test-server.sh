# shellcheck shell=bash
# Throwaway PostgreSQL server for tests and benchmarks. Meant to be SOURCED by bash scripts:
#
#   source scripts/pg-test-server.sh
#   pg_test_start            # starts the server, exports the variables below
#   ...                      # run the tests
#   pg_test_stop             # stops the server and removes every file it made
#
# pg_test_start exports:
#   TANDEM_TEST_POSTGRES        postgresql://tandem_test:<password>@127.0.0.1:<port>/postgres
#                               a role with LOGIN CREATEDB CREATEROLE, NOT superuser (superusers
#                               bypass row-level security)
#   TANDEM_TEST_POSTGRES_ADMIN  postgresql://postgres:<password>@127.0.0.1:<port>/postgres
#                               the superuser
#   TANDEM_TEST_POSTGRES_CA     path of the PEM certificate of the throwaway CA that signed the
#                               server certificate (SAN: DNS localhost, IP 127.0.0.1)
# The URLs carry no query string: add options with "?", e.g.
#   "$TANDEM_TEST_POSTGRES?sslmode=verify-full&sslrootcert=$TANDEM_TEST_POSTGRES_CA"
# Both TLS and plain TCP connections are accepted (scram-sha-256 either way).
#
# Always stop the server in an EXIT trap, so it also goes away after a failure (bash runs the
# EXIT trap on `exit`, on a `set -e` failure and on SIGINT/SIGTERM/SIGHUP). pg_test_stop is safe
# to call twice and never fails. With an existing `trap on_exit EXIT`, chain both in one function
# and call on_exit FIRST, since it reads $? (the exit status is kept either way):
#
#   on_exit_all() { on_exit; pg_test_stop; }
#   trap on_exit_all EXIT
#   pg_test_start
#
# Or, without a function: trap 'on_exit; pg_test_stop' EXIT
# Call pg_test_start in the script's own shell, not in $(...) or a pipeline (its exports would
# be lost in the subshell).
#
# How: the server runs as an unprivileged user (system user `tandem-pg`, created if needed, when
# run as root; otherwise the current user), from a fresh `mktemp -d` folder under /tmp holding
# the data directory, the Unix socket, the TLS files and the log. It listens on 127.0.0.1 only,
# on a free port picked at start, so a PostgreSQL already running on the machine (e.g. Debian's
# cluster on 5432) is neither disturbed nor touched. Durability is off (fsync, ...): throwaway
# data only. If no PostgreSQL is installed, Debian's `postgresql` package is installed with apt;
# the binaries used are those of /usr/lib/postgresql/<highest version>/bin, never PATH's.
# Works under `set -euo pipefail` and without a terminal.

_PG_TEST_OS_USER="tandem-pg"   # the system user the server runs as when we are root
_PG_TEST_DIR=""                # the temp folder; empty when no server is running
_PG_TEST_BIN=""                # /usr/lib/postgresql/<version>/bin
_PG_TEST_RUNAS=""              # user the server runs as; empty: the current user
_PG_TEST_PORT=""

_pg_test_log() { printf 'postgres: %s\n' "$*"; }
_pg_test_err() { printf 'postgres: %s\n' "$*" >&2; }

# Runs a command with none of the caller's PG* environment variables (PGSSLMODE, PGSERVICE,
# PGDATA, ... would change what the commands below connect to or do), in the C locale.
_pg_test_clean_env() {
  (
    for v in $(compgen -e); do
      case "$v" in PG*) unset "$v" ;; esac
    done
    export LC_ALL=C
    exec "$@"
  )
}

# Runs a command as the server's user, from the temp folder (the caller's working directory may
# be unreachable for that user), with stdin from /dev/null.
_pg_test_as() {
  (
    cd "$_PG_TEST_DIR" || exit 1
    if [ -n "$_PG_TEST_RUNAS" ]; then
      if command -v setpriv >/dev/null 2>&1; then
        _pg_test_clean_env setpriv --reuid="$_PG_TEST_RUNAS" --regid="$_PG_TEST_RUNAS" \
          --init-groups -- "$@" </dev/null
      else
        _pg_test_clean_env runuser -u "$_PG_TEST_RUNAS" -- "$@" </dev/null
      fi
    else
      _pg_test_clean_env "$@" </dev/null
    fi
  )
}

_pg_test_apt_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  _pg_test_log "apt: installing $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq </dev/null &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

# Prints /usr/lib/postgresql/<highest version>/bin, if it has an initdb.
_pg_test_find_bin() {
  local v best=""
  for v in $(ls /usr/lib/postgresql 2>/dev/null | sort -V); do
    [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && best="/usr/lib/postgresql/$v/bin"
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

# Prints a TCP port that is free on 127.0.0.1 right now.
_pg_test_free_port() {
  local port=""
  if command -v python3 >/dev/null 2>&1; then
    port=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null </dev/null) || port=""
  fi
  # Without python3: a random port below Linux's ephemeral range; a taken one makes the server
  # start fail, and pg_test_start then tries another.
  case "$port" in ''|*[!0-9]*) port=$((15000 + RANDOM % 17000)) ;; esac
  printf '%s\n' "$port"
}

# Makes a throwaway CA and a server certificate (localhost, 127.0.0.1) signed by it, in $1.
_pg_test_make_tls() {
  local d="$1"
  mkdir -p "$d" || return 1
  cat >"$d/server.ext" <<'EOF'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
EOF
  {
    openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
      -keyout "$d/ca.key" -out "$d/ca.crt" -days 30 -subj "/CN=Tandem throwaway test CA" \
      -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" &&
      openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
        -keyout "$d/server.key" -out "$d/server.csr" -subj "/CN=localhost" &&
      openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" \
        -set_serial "0x$(openssl rand -hex 16)" -days 30 -extfile "$d/server.ext" \
        -out "$d/server.crt"
  } >"$d/openssl.log" 2>&1 </dev/null || { cat "$d/openssl.log" >&2; return 1; }
  # The CA key is not needed any more; the server key must be private to the server's user.
  rm -f "$d/ca.key" "$d/server.csr" "$d/server.ext" "$d/openssl.log"
  chmod 0644 "$d/ca.crt" "$d/server.crt" && chmod 0600 "$d/server.key" || return 1
  if [ -n "$_PG_TEST_RUNAS" ]; then
    chown "$_PG_TEST_RUNAS:" "$d/server.key" "$d/server.crt" || return 1
  fi
}

# Prints the server log (when there is one) to stderr.
_pg_test_dump_log() {
  if [ -n "$_PG_TEST_DIR" ] && [ -s "$_PG_TEST_DIR/server.log" ]; then
    printf -- '----- PostgreSQL server log (%s) -----\n' "$_PG_TEST_DIR/server.log" >&2
    cat "$_PG_TEST_DIR/server.log" >&2
    printf -- '----- end of server log -----\n' >&2
  fi
}

pg_test_start() {
  if [ -n "$_PG_TEST_DIR" ]; then
    _pg_test_err "pg_test_start: a server is already running ($_PG_TEST_DIR); pg_test_stop it first"
    return 1
  fi
  if _pg_test_start_inner; then
    return 0
  fi
  _pg_test_err "could not start the throwaway server"
  pg_test_stop
  return 1
}

_pg_test_start_inner() {
  # Binaries.
  if ! command -v openssl >/dev/null 2>&1; then
    _pg_test_apt_install openssl || return 1
  fi
  _PG_TEST_BIN=$(_pg_test_find_bin) || _PG_TEST_BIN=""
  if [ -z "$_PG_TEST_BIN" ]; then
    _pg_test_apt_install postgresql || return 1
    _PG_TEST_BIN=$(_pg_test_find_bin) || _PG_TEST_BIN=""
    if [ -z "$_PG_TEST_BIN" ]; then
      _pg_test_err "no initdb under /usr/lib/postgresql/*/bin after installing postgresql"
      return 1
    fi
  fi
  local bin="$_PG_TEST_BIN"

  # The server's user: never root.
  _PG_TEST_RUNAS=""
  if [ "$(id -u)" -eq 0 ]; then
    _PG_TEST_RUNAS="$_PG_TEST_OS_USER"
    if ! id -u "$_PG_TEST_RUNAS" >/dev/null 2>&1; then
      local useradd
      useradd=$(command -v useradd || echo /usr/sbin/useradd)
      # `|| id`: another run may have created it at the same moment.
      "$useradd" --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$_PG_TEST_RUNAS" ||
        id -u "$_PG_TEST_RUNAS" >/dev/null 2>&1 || return 1
    fi
  fi

  # The temp folder, under /tmp (reachable by the server's user, unlike /root; a short path keeps
  # the Unix socket's path under its 107-byte limit). 0755: the CA certificate in it must be
  # readable by the tests; the data directory and the server key are private.
  _PG_TEST_DIR=$(mktemp -d /tmp/tandem-pg.XXXXXXXX) || { _PG_TEST_DIR=""; return 1; }
  local dir="$_PG_TEST_DIR"
  chmod 0755 "$dir" || return 1
  if [ -n "$_PG_TEST_RUNAS" ]; then
    chown "$_PG_TEST_RUNAS:" "$dir" || return 1
  fi

  # Passwords: hex, so they go into URLs as they are.
  local admin_pw user_pw
  admin_pw=$(openssl rand -hex 24) && user_pw=$(openssl rand -hex 24) || return 1

  # initdb.
  local locale_opt="--locale=C.UTF-8"
  if ! grep -qixE 'c\.utf-?8' <<<"$(locale -a 2>/dev/null)"; then
    locale_opt="--no-locale"
  fi
  (umask 077 && printf '%s\n' "$admin_pw" >"$dir/pwfile") || return 1
  if [ -n "$_PG_TEST_RUNAS" ]; then
    chown "$_PG_TEST_RUNAS:" "$dir/pwfile" || return 1
  fi
  if ! _pg_test_as "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 "$locale_opt" \
    >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    return 1
  fi
  rm -f "$dir/pwfile" "$dir/initdb.log"

  # TLS.
  _pg_test_make_tls "$dir/tls" || { _pg_test_err "could not make the TLS certificates"; return 1; }
  [ -n "$_PG_TEST_RUNAS" ] && { chown "$_PG_TEST_RUNAS:" "$dir/tls" || return 1; }

  # Configuration (appended, so it overrides initdb's). The port is given at start.
  cat >>"$dir/data/postgresql.conf" <<EOF

# ---- tandem throwaway test server (scripts/pg-test-server.sh) ----
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
ssl = on
ssl_cert_file = '$dir/tls/server.crt'
ssl_key_file = '$dir/tls/server.key'
password_encryption = scram-sha-256
EOF
  [ $? -eq 0 ] || return 1
  cat >"$dir/data/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
# `host` matches both TLS and plain TCP connections.
host    all       all   127.0.0.1/32  scram-sha-256
EOF
  [ $? -eq 0 ] || return 1

  # Start, on a free port; retry with another one if it got taken in between.
  local attempt port out started=""
  for attempt in 1 2 3 4 5; do
    port=$(_pg_test_free_port)
    : >"$dir/server.log"
    [ -n "$_PG_TEST_RUNAS" ] && chown "$_PG_TEST_RUNAS:" "$dir/server.log"
    if out=$(_pg_test_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port" start 2>&1); then
      started=1
      break
    fi
    if grep -qE 'could not bind|Address already in use|could not create any TCP/IP sockets' \
      "$dir/server.log" 2>/dev/null; then
      _pg_test_log "port $port is taken, trying another one (attempt $attempt)"
      _pg_test_as "$bin/pg_ctl" -D "$dir/data" -m immediate -t 10 stop >/dev/null 2>&1 || true
      continue
    fi
    printf '%s\n' "$out" >&2
    _pg_test_dump_log
    return 1
  done
  if [ -z "$started" ]; then
    _pg_test_err "no free port found in 5 attempts"
    _pg_test_dump_log
    return 1
  fi
  _PG_TEST_PORT="$port"

  # Wait until it accepts TCP connections (~30 s at most).
  local i ready=""
  for ((i = 0; i < 60; i++)); do
    if _pg_test_clean_env "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -t 2 \
      </dev/null; then
      ready=1
      break
    fi
    sleep 0.5
  done
  if [ -z "$ready" ]; then
    _pg_test_err "the server does not accept connections on 127.0.0.1:$port after 30 s"
    _pg_test_dump_log
    return 1
  fi

  # The tests' role. Through stdin, so that its password is not on a command line.
  if ! _pg_test_clean_env env PGPASSWORD="$admin_pw" "$bin/psql" -X -q -v ON_ERROR_STOP=1 \
    "host=127.0.0.1 port=$port user=postgres dbname=postgres sslmode=disable" >/dev/null <<EOF
CREATE ROLE tandem_test LOGIN CREATEDB CREATEROLE NOSUPERUSER PASSWORD '$user_pw';
EOF
  then
    _pg_test_err "could not create the role tandem_test"
    _pg_test_dump_log
    return 1
  fi

  local version
  version=$(_pg_test_clean_env env PGPASSWORD="$admin_pw" "$bin/psql" -X -A -t \
    "host=127.0.0.1 port=$port user=postgres dbname=postgres sslmode=disable" \
    -c 'SHOW server_version' </dev/null) || version="?"

  export TANDEM_TEST_POSTGRES="postgresql://tandem_test:$user_pw@127.0.0.1:$port/postgres"
  export TANDEM_TEST_POSTGRES_ADMIN="postgresql://postgres:$admin_pw@127.0.0.1:$port/postgres"
  export TANDEM_TEST_POSTGRES_CA="$dir/tls/ca.crt"
  _pg_test_log "throwaway server on 127.0.0.1:$port (version $version, data in $dir)"
}

# Stops the server (fast, then immediate, then SIGKILL) and removes its folder. Safe to call
# twice, or when nothing was started; always returns 0.
pg_test_stop() {
  local dir="$_PG_TEST_DIR" bin="$_PG_TEST_BIN" pid=""
  if [ -n "$dir" ] && [ -d "$dir" ]; then
    if [ -f "$dir/data/postmaster.pid" ]; then
      pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null) || pid=""
      if ! _pg_test_as "$bin/pg_ctl" -D "$dir/data" -m fast -t 30 -s stop >/dev/null 2>&1 &&
        ! _pg_test_as "$bin/pg_ctl" -D "$dir/data" -m immediate -t 15 -s stop >/dev/null 2>&1; then
        # Last resort: SIGKILL the postmaster and its children (each child runs in a session of
        # its own, so they are found by parent id, not by process group); only if that pid is
        # still our postmaster (pg_ctl also fails on a stale postmaster.pid).
        case "$pid" in
          '' | *[!0-9]*) pid="" ;;
          *) case "$(ps -o args= -p "$pid" 2>/dev/null)" in *"$dir/data"*) ;; *) pid="" ;; esac ;;
        esac
        if [ -n "$pid" ]; then
          local children i
          children=$(ps -o pid= --ppid "$pid" 2>/dev/null) || children=""
          # shellcheck disable=SC2086
          _pg_test_err "pg_ctl could not stop the server; killing its processes" $pid $children
          # shellcheck disable=SC2086
          kill -KILL "$pid" $children 2>/dev/null || true
          for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        fi
      fi
    fi
    rm -rf -- "$dir" 2>/dev/null || true
    if [ -e "$dir" ]; then _pg_test_err "could not remove $dir"; fi
  fi
  _PG_TEST_DIR=""
  _PG_TEST_PORT=""
  unset TANDEM_TEST_POSTGRES TANDEM_TEST_POSTGRES_ADMIN TANDEM_TEST_POSTGRES_CA
  return 0
}
