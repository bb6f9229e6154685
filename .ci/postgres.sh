# Shared by .ci/with-postgres and .ci/serve-prod (source it): a throwaway PostgreSQL
# cluster from the installed binaries on a private port and socket directory.
# PostgreSQL refuses to run as root, so as root the server runs as the postgres user.

find_pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return; }
    done
    dirname "$(command -v initdb)"
}

as_server_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_cluster: sets PG_WORK, PG_PORT and DATABASE_URL (database "archive").
start_cluster() {
    PG_BIN=${PG_BIN:-$(find_pg_bin)}
    PG_WORK=$(mktemp -d /tmp/archive-pg.XXXXXX)
    PG_PORT=${PG_PORT:-$(free_port)}
    [ "$(id -u)" = 0 ] && chown postgres "$PG_WORK"
    as_server_user "$PG_BIN/initdb" -D "$PG_WORK/data" -U postgres -A trust -E UTF8 --no-locale \
        >"$PG_WORK/initdb.log" 2>&1 || { cat "$PG_WORK/initdb.log"; return 1; }
    as_server_user "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/server.log" -w \
        -o "-p $PG_PORT -k $PG_WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$PG_WORK/server.log"; return 1; }
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres archive
    DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/archive"
    export DATABASE_URL
    echo "postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT" >&2
}

# start_replica (after start_cluster): a real streaming replica of that cluster, copied
# with pg_basebackup -R and started on another private port; sets REPLICA_PORT and
# TEST_DATABASE_REPLICA_URL, which the read-replica tests (tests/archive_site/
# test_replicas.py) use. The rest of the suite keeps to the one database.
start_replica() {
    REPLICA_PORT=${REPLICA_PORT:-$(free_port)}
    as_server_user "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres \
        -D "$PG_WORK/replica" -R -X stream -c fast >"$PG_WORK/basebackup.log" 2>&1 \
        || { cat "$PG_WORK/basebackup.log"; return 1; }
    as_server_user "$PG_BIN/pg_ctl" -D "$PG_WORK/replica" -l "$PG_WORK/replica.log" -w \
        -o "-p $REPLICA_PORT -k $PG_WORK -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on" \
        start >/dev/null || { cat "$PG_WORK/replica.log"; return 1; }
    TEST_DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/archive"
    export TEST_DATABASE_REPLICA_URL
    echo "postgres: streaming replica on 127.0.0.1:$REPLICA_PORT" >&2
}

stop_cluster() {
    [ -n "${PG_WORK:-}" ] || return 0
    if [ -d "$PG_WORK/replica" ]; then
        as_server_user "$PG_BIN/pg_ctl" -D "$PG_WORK/replica" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    as_server_user "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_WORK"
}
