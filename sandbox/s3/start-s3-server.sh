#!/usr/bin/env bash
# A real S3-compatible server with Object Lock for tests: a single-node Ceph Pacific cluster
# (one mon, one memstore OSD, size-1 pools, no cephx, no mgr, no systemd) and radosgw with the
# beast frontend on 127.0.0.1. Everything lives under one directory. Installs nothing:
# see docs/adr/1403-s3-test-server.md for the Debian packages it needs.
#
#   start-s3-server.sh start DIR   start in DIR (created if absent; must be empty);
#                                  prints S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
#                                  AWS_REGION lines (shell syntax) on stdout and writes them to DIR/env
#   start-s3-server.sh stop DIR    kill the daemons started in DIR and remove DIR
#
# Environment: S3_PORT (default: a free loopback port), S3_START_TIMEOUT (seconds, default 180),
# S3_MEMSTORE_BYTES (OSD capacity, default 1 GiB; it lives in memory).
#
# Start takes 3-9 s and stop under 0.5 s on a 2-core machine shared by 8 engineers (load 13-17).
set -euo pipefail

die() { echo "start-s3-server: $*" >&2; exit 1; }
log() { echo "start-s3-server: $*" >&2; }

free_port() {
  /usr/bin/python3 - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

# A daemon of DIR is alive while its process exists, runs with DIR/ceph.conf (a pid file left by a
# dead daemon may name someone else's process by now) and is not a zombie waiting to be reaped.
alive() {
  local pid=$1 dir=$2 st args
  st=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
  args=$(ps -o args= -p "$pid" 2>/dev/null) || return 1
  [[ $st != Z* && $args == *"$dir/ceph.conf"* ]]
}

# Kill the daemons whose pid files are in DIR/run with SIGKILL: the cluster is thrown away with its
# directory, so a clean shutdown buys nothing (SIGTERM takes radosgw and the OSD 3-5s here).
kill_daemons() {
  local dir=$1 f pid pids=()
  [ -d "$dir/run" ] || return 0
  for f in client.rgw osd.0 mon.a; do
    [ -f "$dir/run/$f.pid" ] || continue
    pid=$(cat "$dir/run/$f.pid")
    if alive "$pid" "$dir"; then kill -9 "$pid" 2>/dev/null || true; pids+=("$pid"); fi
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do alive "$pid" "$dir" || break; sleep 0.1; done
  done
}

stop_cluster() {
  local dir=$1
  [ -d "$dir" ] || return 0
  dir=$(cd "$dir" && pwd)
  kill_daemons "$dir"
  rm -rf "$dir"
}

start_cluster() {
  local dir=$1
  local t0 timeout
  t0=$(date +%s)
  timeout=${S3_START_TIMEOUT:-180}
  for b in ceph-mon ceph-osd radosgw radosgw-admin monmaptool ceph-authtool ceph curl /usr/bin/python3 uuidgen; do
    command -v "$b" >/dev/null || die "$b not found (apt-get install ceph-mon ceph-osd radosgw ceph-common curl uuid-runtime)"
  done
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    die "$dir is not empty (stop the cluster in it, or give a new directory)"
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  started=$dir
  mkdir -p "$dir/mon" "$dir/osd" "$dir/rgw" "$dir/run" "$dir/log"

  local fsid mon_port rgw_port osd_uuid conf
  fsid=$(uuidgen)
  osd_uuid=$(uuidgen)
  mon_port=$(free_port)
  rgw_port=${S3_PORT:-$(free_port)}
  conf="$dir/ceph.conf"

  cat > "$conf" <<EOF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind msgr2 = true
auth cluster required = none
auth service required = none
auth client required = none
auth allow insecure global id reclaim = true
client mount timeout = 30
# auth none has only the crc connection mode; radosgw asks for secure mode to the mon by default
ms mon client mode = crc
ms mon service mode = crc
ms mon cluster mode = crc
ms client mode = crc
ms service mode = crc
ms cluster mode = crc
keyring = $dir/keyring
run dir = $dir/run
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
pid file = $dir/run/\$name.pid
crash dir = $dir/crash
erasure code dir = /usr/lib/x86_64-linux-gnu/ceph/erasure-code
plugin dir = /usr/lib/x86_64-linux-gnu/ceph
osd pool default size = 1
osd pool default min size = 1
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon max pg per osd = 1000
mon warn on pool no redundancy = false
mon data avail warn = 2
mon data avail crit = 1
# a one-mon cluster: commit map changes (pool creation) at once rather than batching them for 1s
paxos propose interval = 0.05
paxos min wait = 0.01
mon lease = 1
osd pool default pg num = 1
osd pool default pgp num = 1
# a loaded, shared machine: few threads, no background work tests do not need
ms async op threads = 1
osd op num shards = 1
osd op num threads per shard = 2
osd scrub during recovery = false
osd max scrubs = 0

[mon.a]
mon data = $dir/mon
public addr = v2:127.0.0.1:$mon_port

[osd.0]
osd data = $dir/osd
osd objectstore = memstore
memstore device bytes = ${S3_MEMSTORE_BYTES:-1073741824}

[client.rgw]
rgw data = $dir/rgw
rgw frontends = beast endpoint=127.0.0.1:$rgw_port
rgw thread pool size = 32
rgw dns name = 127.0.0.1
rgw gc processor period = 600
rgw enable usage log = false
rgw zone = default
EOF
  # STS (AssumeRoleWithWebIdentity) when asked for: the key encrypts the session tokens RGW issues.
  if [ -n "${S3_STS_KEY:-}" ]; then
    printf 'rgw s3 auth use sts = true\nrgw sts key = %s\n' "$S3_STS_KEY" >> "$conf"
  fi

  # A mon. key is needed to make the mon store even with auth none.
  ceph-authtool --create-keyring "$dir/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/keyring" \
    >"$dir/log/mkfs-mon.out" 2>&1 || die "ceph-mon --mkfs failed: $(tail -5 "$dir/log/mkfs-mon.out")"
  log "mon store made: $(( $(date +%s) - t0 ))s"
  ceph-mon -c "$conf" -i a || die "ceph-mon did not start: $(tail -5 "$dir/log/mon.a.log")"

  local ceph=(ceph -c "$conf" --connect-timeout 10)
  "${ceph[@]}" osd new "$osd_uuid" >"$dir/log/osd-new.out" 2>&1 \
    || die "ceph osd new failed: $(tail -5 "$dir/log/osd-new.out")"
  ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid" >"$dir/log/mkfs-osd.out" 2>&1 \
    || die "ceph-osd --mkfs failed: $(tail -5 "$dir/log/mkfs-osd.out")"
  ceph-osd -c "$conf" -i 0 2>>"$dir/log/osd.0.stderr" || die "ceph-osd did not start: $(tail -5 "$dir/log/osd.0.log")"

  log "osd.0 made and started: $(( $(date +%s) - t0 ))s"
  # Wait for the OSD to be up before radosgw creates its pools.
  while ! "${ceph[@]}" osd dump 2>/dev/null | grep -q '^osd.0 up'; do
    [ $(( $(date +%s) - t0 )) -lt "$timeout" ] || die "osd.0 not up after ${timeout}s"
    sleep 1
  done

  log "osd.0 up: $(( $(date +%s) - t0 ))s"
  radosgw -c "$conf" -n client.rgw || die "radosgw did not start: $(tail -5 "$dir/log/client.rgw.log")"

  local endpoint="http://127.0.0.1:$rgw_port"
  # Wait for our radosgw (not whatever else may answer on that port) to serve S3.
  while ! { [ -f "$dir/run/client.rgw.pid" ] && kill -0 "$(cat "$dir/run/client.rgw.pid")" 2>/dev/null \
            && grep -q "frontend.*started\|starting handler: beast" "$dir/log/client.rgw.log" \
            && curl -s -o /dev/null --max-time 5 "$endpoint/"; }; do
    if grep -q "failed to bind\|failed initializing frontend" "$dir/log/client.rgw.log" 2>/dev/null \
       || { [ -f "$dir/run/client.rgw.pid" ] && ! kill -0 "$(cat "$dir/run/client.rgw.pid")" 2>/dev/null; }; then
      die "radosgw exited: $(grep -- ' -1 ' "$dir/log/client.rgw.log" | tail -3)"
    fi
    [ $(( $(date +%s) - t0 )) -lt "$timeout" ] || die "radosgw not answering on $endpoint after ${timeout}s: $(tail -5 "$dir/log/client.rgw.log")"
    sleep 1
  done

  local access secret
  access=$(/usr/bin/python3 -c 'import secrets; print("AK" + secrets.token_hex(9).upper())')
  secret=$(/usr/bin/python3 -c 'import secrets; print(secrets.token_hex(20))')
  radosgw-admin -c "$conf" -n client.rgw user create --uid=snapgate-admin --display-name="snapgate admin" \
    --access-key="$access" --secret="$secret" --admin >"$dir/log/user-create.out" 2>&1 \
    || die "radosgw-admin user create failed: $(tail -5 "$dir/log/user-create.out")"
  if [ -n "${S3_STS_KEY:-}" ]; then
    # The IAM API (OIDC providers, roles) needs these caps even for an admin user.
    radosgw-admin -c "$conf" -n client.rgw caps add --uid=snapgate-admin \
      --caps="oidc-provider=*;roles=*;user-policy=*" >>"$dir/log/user-create.out" 2>&1 \
      || die "radosgw-admin caps add failed: $(tail -5 "$dir/log/user-create.out")"
  fi

  cat > "$dir/env" <<EOF
S3_ENDPOINT=$endpoint
AWS_ACCESS_KEY_ID=$access
AWS_SECRET_ACCESS_KEY=$secret
AWS_REGION=us-east-1
S3_SERVER_DIR=$dir
EOF
  cat "$dir/env"
  log "radosgw answers on $endpoint after $(( $(date +%s) - t0 ))s"
}

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: $0 start|stop DIR"
case "$cmd" in
  start)
    # On a failed start, kill what this start started and keep DIR/log for a look.
    started=""
    trap '[ -z "$started" ] || kill_daemons "$started"' EXIT
    start_cluster "$dir"
    trap - EXIT
    ;;
  stop) stop_cluster "$dir" ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
