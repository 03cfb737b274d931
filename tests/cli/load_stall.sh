# claimgraph load against stores that take the connection and then stall:
# one that never answers, one that drips its answer a byte a second, one
# that sends part of its answer and stops, one that never reads the upload,
# one that hangs up without a word.  Each load must end within a bound, exit
# 1 (0 when the store did say 2xx), and say whether the store may hold the
# graph.  The fake store is a Python socket server on loopback, started and
# stopped here.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
B=$CG_BIN

cat >"$TMP/hostile.py" <<'EOF'
import os, socket, sys, threading, time

port_path = sys.argv[1]
FOREVER = threading.Event()  # never set: waiting on it stalls until the process dies

def read_head(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None, b""
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    return head.decode("latin-1"), rest

def read_body(conn, head, rest):
    length = 0
    for line in head.split("\r\n")[1:]:
        k, _, v = line.partition(":")
        if k.strip().lower() == "content-length":
            length = int(v)
        if k.strip().lower() == "expect":
            conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk

def handle(conn):
    head, rest = read_head(conn)
    if head is None:
        return
    path = head.split(" ")[1].split("?")[0]
    if path == "/noread":                    # never reads the upload
        FOREVER.wait()
    read_body(conn, head, rest)
    if path == "/silent":                    # takes the whole graph, never answers
        FOREVER.wait()
    if path == "/hangup":                    # takes the whole graph, closes
        conn.close()
        return
    if path == "/drip":                      # a byte a second; the headers never end
        for c in b"HTTP/1.1 201 Created\r\nX-Drip: " + b"a" * 100000:
            conn.sendall(bytes([c]))
            time.sleep(1)
    if path in ("/partial", "/partial500"):  # the headers, part of the body, then nothing
        status = b"201 Created" if path == "/partial" else b"500 Server Error"
        conn.sendall(b"HTTP/1.1 " + status + b"\r\nContent-Type: text/plain\r\n"
                     b"Content-Length: 100000\r\n\r\nthe store began to answer\n")
        FOREVER.wait()

srv = socket.socket()
# A small receive window, so that an upload the store does not read stalls
# after little data rather than after megabytes of kernel buffers.
srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
srv.bind(("127.0.0.1", 0))
srv.listen(16)
with open(port_path + ".tmp", "w") as f:
    f.write(str(srv.getsockname()[1]))
os.rename(port_path + ".tmp", port_path)
while True:
    conn, _ = srv.accept()
    threading.Thread(target=handle, args=(conn,), daemon=True).start()
EOF

python3 "$TMP/hostile.py" "$TMP/port" 2>"$TMP/store.err" &
SPID=$!
trap 'kill "$SPID" 2>/dev/null || true; rm -rf "$TMP"' EXIT
for _ in $(seq 100); do [ -f "$TMP/port" ] && break; sleep 0.1; done
[ -f "$TMP/port" ] || { cat "$TMP/store.err" >&2; fail "the fake store did not start"; }
STORE=http://127.0.0.1:$(cat "$TMP/port")

printf '<urn:x:a> <urn:x:p> <urn:x:o> .\n' >"$TMP/small.nt"
python3 -c 'import sys
with open(sys.argv[1], "w") as f:
    for i in range(200000):
        f.write(f"<urn:x:s{i}> <urn:x:p> \"{i:0>40}\" .\n")' "$TMP/big.nt"

# Usage: the limits are whole seconds.
expect_status 2 "$B" load "$TMP/small.nt" -e "$STORE/silent" --timeout -1
expect_stderr "--timeout needs a whole number of seconds from 0 (no limit) to 604800; '-1' is not one"
expect_status 2 "$B" load "$TMP/small.nt" -e "$STORE/silent" --stall 2s
expect_stderr "--stall needs a whole number of seconds"
expect_status 0 "$B" load --help
grep -q -- "--timeout SECS" "$TMP/stdout" || fail "load --help lacks --timeout"
grep -q "default 300" "$TMP/stdout" || fail "load --help lacks the default timeout"

# start NAME ARGS... : runs a load in the background, with a hard stop at 60 s
# so that a regression fails the test rather than hanging it.
LOADS=
start() {
  name=$1; shift
  ( s=$(date +%s)
    set +e; timeout 60 "$B" load "$@" 2>"$TMP/$name.err"; echo $? >"$TMP/$name.rc"
    echo $(( $(date +%s) - s )) >"$TMP/$name.secs" ) &
  LOADS="$LOADS $!"
}
# check NAME RC MAX_SECONDS TEXT... : the load ended with RC within MAX_SECONDS
# and said each TEXT.
check() {
  name=$1 rc=$2 max=$3; shift 3
  got=$(cat "$TMP/$name.rc") secs=$(cat "$TMP/$name.secs")
  [ "$got" -eq "$rc" ] || { cat "$TMP/$name.err" >&2; fail "$name exited $got, want $rc"; }
  [ "$secs" -lt "$max" ] || fail "$name took $secs s, want under $max"
  for text in "$@"; do
    grep -qF -- "$text" "$TMP/$name.err" || { cat "$TMP/$name.err" >&2; fail "$name: stderr lacks '$text'"; }
  done
}

# --timeout ends each one; the graph may have been written once all of it was sent.
start t_silent "$TMP/small.nt" -e "$STORE/silent" -g urn:x:g --timeout 3
start t_drip "$TMP/small.nt" -e "$STORE/drip" -g urn:x:g --timeout 3
start t_partial "$TMP/small.nt" -e "$STORE/partial" -g urn:x:g --timeout 3
start t_partial500 "$TMP/small.nt" -e "$STORE/partial500" -g urn:x:g --timeout 3
start t_noread "$TMP/big.nt" -e "$STORE/noread" -g urn:x:g --timeout 3
start hangup "$TMP/small.nt" -e "$STORE/hangup" --add -g urn:x:g
# --stall ends them without --timeout.
start s_silent "$TMP/small.nt" -e "$STORE/silent" --timeout 0 --stall 2
start s_drip "$TMP/small.nt" -e "$STORE/drip" --timeout 0 --stall 2
start s_noread "$TMP/big.nt" -e "$STORE/noread" --timeout 0 --stall 2
# shellcheck disable=SC2086 # a list of ids
wait $LOADS

UNKNOWN="graph <urn:x:g> may have been written whole, in part or not at all: rerun with --replace to be sure it holds exactly the file"
TIMEOUT="not done after 3 s (raise --timeout, or 0 for no limit)"
STALL="less than 1024 bytes a second moved for 2 s (raise --stall, or 0 to wait as long as --timeout)"
check t_silent 1 10 "no answer from $STORE/silent after all 32 bytes were sent: $TIMEOUT" "$UNKNOWN"
check t_drip 1 10 "no answer from $STORE/drip after all 32 bytes were sent: $TIMEOUT" "$UNKNOWN"
check t_partial 0 10 "warning: $STORE/partial answered HTTP 201 Created, so graph <urn:x:g> was written, but the rest of its answer broke off: $TIMEOUT" \
  "replaced graph <urn:x:g> at $STORE/partial"
check t_partial500 1 10 "$STORE/partial500 answered HTTP 500 Server Error to PUT graph <urn:x:g>:" \
  "  the store began to answer" "the rest of its answer broke off: $TIMEOUT" \
  "graph <urn:x:g> may be partially written: rerun with --replace to write it whole"
check t_noread 1 10 "the transfer to $STORE/noread broke after " "of $(wc -c <"$TMP/big.nt") bytes: $TIMEOUT" \
  "graph <urn:x:g> may be partially written: rerun with --replace to write it whole"
check hangup 1 10 "no answer from $STORE/hangup after all 32 bytes were sent: Empty reply from server" \
  "graph <urn:x:g> may hold all, part or none of the file: rerun with --add"
check s_silent 1 10 "no answer from $STORE/silent after all 32 bytes were sent: $STALL" \
  "the default graph may have been written whole, in part or not at all"
check s_drip 1 10 "no answer from $STORE/drip after all 32 bytes were sent: $STALL"
# libcurl judges the speed over the last few seconds, and the first
# megabytes go out at once: allow for that.
check s_noread 1 20 "the transfer to $STORE/noread broke after " "$STALL" \
  "the default graph may be partially written"
