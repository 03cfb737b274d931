# claimgraph load without a real store: usage errors, unreadable files, a
# refused connection, and a small fake Graph Store (Python, on loopback,
# started and stopped here) that records what it is sent and answers each
# path its own way: success, Basic authentication, an HTML error page, a
# 404, a redirect, and a connection cut in the middle of the upload.
. "$(dirname "$0")/../lib.sh"
cd "$CG_SOURCE_DIR"
B=$CG_BIN

cat >"$TMP/store.py" <<'EOF'
import base64, http.server, json, socket, struct, sys, time

log_path, port_path = sys.argv[1], sys.argv[2]
hit_path = log_path + ".slow"
GOOD = "Basic " + base64.b64encode(b"ann:secret").decode()

class Store(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", ctype="text/plain", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def cut(self):
        self.rfile.read(1000)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", 0)))

    def handle_any(self):
        path = self.path.split("?")[0]
        if path == "/cut":
            return self.cut()
        if path in ("/basic", "/slow") and self.headers.get("Authorization") != GOOD:
            self.body()
            return self.answer(401, headers=[("WWW-Authenticate", 'Basic realm="t"')])
        data = self.body()
        if path == "/html500":
            page = b"<!DOCTYPE html><html><head><title>Store error</title><style>p{}</style></head>" \
                   b"<body><h1>Error 500</h1><p>Cannot parse &lt;urn:x&gt; at line 3</p></body></html>"
            return self.answer(500, page, "text/html")
        if path == "/missing":
            return self.answer(404, b"no such service\n")
        if path == "/moved":
            return self.answer(301, headers=[("Location", "http://127.0.0.1:1/elsewhere")])
        if path == "/moved-creds":
            return self.answer(301, headers=[("Location", "http://bob:hunter2@127.0.0.1:1/x")])
        if path == "/slow":  # says it has the request, then takes its time
            open(hit_path, "w").close()
            time.sleep(2)
        with open(log_path, "a") as log:
            log.write(json.dumps({"method": self.command, "path": self.path,
                                  "type": self.headers.get("Content-Type"),
                                  "bytes": len(data)}) + "\n")
        self.answer(201 if self.command == "PUT" else 204)

    do_PUT = do_POST = handle_any

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Store)
with open(port_path + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os; os.rename(port_path + ".tmp", port_path)
server.serve_forever()
EOF

python3 "$TMP/store.py" "$TMP/requests.log" "$TMP/port" 2>"$TMP/store.err" &
SPID=$!
trap 'kill "$SPID" 2>/dev/null || true; rm -rf "$TMP"' EXIT
for _ in $(seq 100); do [ -f "$TMP/port" ] && break; sleep 0.1; done
[ -f "$TMP/port" ] || { cat "$TMP/store.err" >&2; fail "the fake store did not start"; }
PORT=$(cat "$TMP/port")
STORE=http://127.0.0.1:$PORT
CLOSED=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"$B" build -q --rules rules -o "$TMP/g.ttl" -o "$TMP/g.nt" -o "$TMP/g.nq" examples
ttl_bytes=$(wc -c <"$TMP/g.ttl")
nt_lines=$(wc -l <"$TMP/g.nt")
last_request() { tail -n 1 "$TMP/requests.log"; }
expect_request() {
  last_request | grep -qF -- "$1" || fail "the store got $(last_request), want $1"
}

# Usage: exit 2, nothing sent.
expect_status 0 "$B" load --help
grep -q "Exit status" "$TMP/stdout" || fail "load --help lacks the exit codes"
expect_status 2 "$B" load
expect_stderr "give exactly one GRAPH file"
expect_status 2 "$B" load "$TMP/g.ttl"
expect_stderr "give the store's Graph Store endpoint with --endpoint"
expect_status 2 "$B" load "$TMP/g.ttl" --endpoint ftp://example.org/
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/ok" --add --replace
expect_stderr "give --replace or --add, not both"
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/ok" --graph "not an iri"
expect_stderr "--graph needs an absolute IRI"
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/ok" --password x
expect_stderr "--password needs --user"
expect_status 2 env -u CLAIMGRAPH_PASSWORD "$B" load "$TMP/g.ttl" -e "$STORE/ok" --user ann
expect_stderr "--user needs a password: give --password-file FILE or set \$CLAIMGRAPH_PASSWORD"
cp "$TMP/g.ttl" "$TMP/g.svg"
expect_status 2 "$B" load "$TMP/g.svg" -e "$STORE/ok"
expect_stderr "cannot tell the RDF format of"
[ ! -f "$TMP/requests.log" ] || fail "a usage error sent a request"

# Files that cannot be read: exit 1, nothing sent.
expect_status 1 "$B" load "$TMP/none.ttl" -e "$STORE/ok"
expect_stderr "none.ttl: cannot read the graph file: No such file or directory; nothing was sent"
mkdir "$TMP/dir.ttl"
expect_status 1 "$B" load "$TMP/dir.ttl" -e "$STORE/ok"
expect_stderr "not a regular file; nothing was sent"

# PUT to the default graph, POST to a named one; the type from the extension.
expect_status 0 "$B" load "$TMP/g.ttl" -e "$STORE/ok"
expect_request '"method": "PUT", "path": "/ok?default", "type": "text/turtle", "bytes": '"$ttl_bytes"
expect_stderr "($ttl_bytes bytes) replaced the default graph at $STORE/ok in "
expect_status 2 "$B" load "$TMP/g.nt" -e "$STORE/ok" -g "urn:x:news a"
expect_status 0 "$B" load "$TMP/g.nt" -e "$STORE/ok?x=1" --add -g "urn:x:news#a/é"
expect_request '"method": "POST", "path": "/ok?x=1&graph=urn%3Ax%3Anews%23a%2F%C3%A9", "type": "application/n-triples"'
expect_stderr "$nt_lines triples) added to graph <urn:x:news#a/é>"
expect_status 0 "$B" load -q "$TMP/g.nq" -e "$STORE/ok" --graph urn:x:q
expect_request '"type": "application/n-quads"'
[ ! -s "$TMP/stderr" ] || fail "-q printed: $(cat "$TMP/stderr")"

# Authentication: the password from --password or $CLAIMGRAPH_PASSWORD.
expect_status 0 "$B" load "$TMP/g.ttl" -e "$STORE/basic" -u ann -p secret
expect_request '"path": "/basic?default"'
expect_status 0 env CLAIMGRAPH_PASSWORD=secret "$B" load "$TMP/g.ttl" -e "$STORE/basic" -u ann
expect_status 1 "$B" load "$TMP/g.ttl" -e "$STORE/basic" -u ann -p wrong
expect_stderr "$STORE/basic refused user 'ann' (HTTP 401 Unauthorized): check --user and its password; nothing was loaded"
expect_status 1 "$B" load "$TMP/g.ttl" -e "$STORE/basic"
expect_stderr "asks for credentials (HTTP 401 Unauthorized): give --user and a password (--password-file, \$CLAIMGRAPH_PASSWORD) or --netrc"

# Failures: whether the store may hold part of the graph is always said.
expect_status 1 "$B" load "$TMP/g.ttl" -e "http://127.0.0.1:$CLOSED/store"
expect_stderr "cannot connect to http://127.0.0.1:$CLOSED/store: Connection refused; nothing was loaded"
expect_status 1 "$B" load "$TMP/g.ttl" -e "$STORE/missing" -g urn:x:g
expect_stderr "answered HTTP 404 Not Found to PUT graph <urn:x:g>; nothing was loaded:"
expect_stderr "  no such service"
expect_status 1 "$B" load "$TMP/g.ttl" -e "$STORE/moved"
expect_stderr "(it points to http://127.0.0.1:1/elsewhere: give that as --endpoint); nothing was loaded"
expect_status 1 "$B" load "$TMP/g.ttl" -e "$STORE/html500" -g urn:x:g
expect_stderr "answered HTTP 500 Internal Server Error to PUT graph <urn:x:g>:"
expect_stderr "  Cannot parse <urn:x> at line 3"
expect_stderr "graph <urn:x:g> may be partially written: rerun with --replace to write it whole"
grep -q "p{}\|DOCTYPE" "$TMP/stderr" && fail "the error page's markup was shown"
expect_status 1 "$B" load "$TMP/g.ttl" -e "$STORE/html500" --add -g urn:x:g
expect_stderr "graph <urn:x:g> may hold part of the file: rerun with --add"

# A connection cut mid-upload: a graph big enough to be in flight.
python3 -c 'import sys
with open(sys.argv[1], "w") as f:
    for i in range(200000):
        f.write(f"<urn:x:s{i}> <urn:x:p> \"{i:0>40}\" .\n")' "$TMP/big.nt"
expect_status 1 "$B" load "$TMP/big.nt" -e "$STORE/cut" -g urn:x:g
expect_stderr "the transfer to $STORE/cut broke after"
expect_stderr "graph <urn:x:g> may be partially written: rerun with --replace"

# Credentials.  A password in the endpoint URL is used, and shown as ***
# in every message and in the summary.
no_secret() {
  ! grep -q "secret\|hunter2\|wrongpass" "$TMP/stderr" || { cat "$TMP/stderr" >&2; fail "a password was shown"; }
}
URLSTORE=http://ann:secret@127.0.0.1:$PORT
SHOWN="http://ann:***@127.0.0.1:$PORT"
expect_status 0 "$B" load "$TMP/g.ttl" -e "$URLSTORE/basic"
expect_request '"path": "/basic?default"'
expect_stderr "replaced the default graph at $SHOWN/basic in "
no_secret
expect_status 1 "$B" load "$TMP/g.ttl" -e "http://ann:wrongpass@127.0.0.1:$PORT/basic"
expect_stderr "$SHOWN/basic refused the credentials (HTTP 401 Unauthorized): check the user and password in the endpoint URL; nothing was loaded"
no_secret
expect_status 1 "$B" load "$TMP/g.ttl" -e "http://ann:secret@127.0.0.1:$CLOSED/store"
expect_stderr "cannot connect to http://ann:***@127.0.0.1:$CLOSED/store: Connection refused"
no_secret
expect_status 1 "$B" load "$TMP/g.ttl" -e "$URLSTORE/missing"
expect_stderr "$SHOWN/missing answered HTTP 404 Not Found"
no_secret
expect_status 1 "$B" load "$TMP/g.ttl" -e "$URLSTORE/moved-creds"
expect_stderr "$SHOWN/moved-creds answered HTTP 301 Moved Permanently to PUT the default graph (it points to http://bob:***@127.0.0.1:1/x: give that as --endpoint)"
no_secret
expect_status 1 "$B" load "$TMP/g.ttl" -e "$URLSTORE/html500"
expect_stderr "$SHOWN/html500 answered HTTP 500"
no_secret
expect_status 1 "$B" load "$TMP/big.nt" -e "$URLSTORE/cut"
expect_stderr "the transfer to $SHOWN/cut broke after"
no_secret
expect_status 1 "$B" load "$TMP/g.ttl" -e "http://tok3nsecret@127.0.0.1:$CLOSED/store"
expect_stderr "cannot connect to http://***@127.0.0.1:$CLOSED/store"
no_secret

# A ':' in --user would make an ambiguous Basic header (ann:x:secret).
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/basic" -u ann:x -p secret
expect_stderr "--user holds a ':', which a user name cannot (Basic authentication sends USER:PASSWORD, so the store would take the user to be 'ann'); give the password on its own, with --password-file FILE"
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/basic" -u ann:secret --password-file /dev/null
no_secret

# --password-file: the first line, its line end dropped.
printf 'secret\n' >"$TMP/pass"
printf 'secret\r\nnot this\n' >"$TMP/pass-crlf"
: >"$TMP/pass-empty"
expect_status 0 "$B" load "$TMP/g.ttl" -e "$STORE/basic" -u ann --password-file "$TMP/pass"
expect_request '"path": "/basic?default"'
! grep -q "warning" "$TMP/stderr" || fail "--password-file was warned about: $(cat "$TMP/stderr")"
expect_status 0 "$B" load "$TMP/g.ttl" -e "$STORE/basic" -u ann --password-file "$TMP/pass-crlf"
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/basic" -u ann --password-file "$TMP/nopass"
expect_stderr "cannot read the password file '$TMP/nopass': No such file or directory"
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/basic" -u ann --password-file "$TMP/pass-empty"
expect_stderr "cannot read the password file '$TMP/pass-empty': the file is empty: put the password on its first line"
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/basic" -u ann --password-file "$TMP/pass" -p secret
expect_stderr "give --password or --password-file, not both"
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/basic" --password-file "$TMP/pass"
expect_stderr "--password-file needs --user"

# --password still works, is warned about, and is blanked in the process list.
rm -f "$TMP/requests.log.slow"
"$B" load "$TMP/g.ttl" -e "$STORE/slow" -u ann --password secret 2>"$TMP/slow.err" &
LPID=$!
for _ in $(seq 100); do [ -f "$TMP/requests.log.slow" ] && break; sleep 0.1; done
tr '\0' ' ' <"/proc/$LPID/cmdline" >"$TMP/cmdline"
wait "$LPID" || { cat "$TMP/slow.err" >&2; fail "load with --password failed"; }
grep -q -- "--password \*\*\*\*\*\* " "$TMP/cmdline" || fail "the process list shows: $(cat "$TMP/cmdline")"
grep -qF "warning: --password is visible to other users of this machine (ps) while claimgraph starts, and stays in the shell's history; use --password-file FILE" "$TMP/slow.err" ||
  fail "--password was not warned about: $(cat "$TMP/slow.err")"

# netrc: only when asked, from ~/.netrc or --netrc-file.
mkdir "$TMP/home"
printf 'machine 127.0.0.1 login ann password secret\n' >"$TMP/home/.netrc"
printf 'machine 127.0.0.1\nlogin ann\npassword wrongpass\n' >"$TMP/netrc-wrong"
expect_status 0 env HOME="$TMP/home" "$B" load "$TMP/g.ttl" -e "$STORE/basic" --netrc
expect_request '"path": "/basic?default"'
expect_status 1 env HOME="$TMP/home" "$B" load "$TMP/g.ttl" -e "$STORE/basic"
expect_stderr "asks for credentials (HTTP 401 Unauthorized)"
expect_status 0 "$B" load "$TMP/g.ttl" -e "$STORE/basic" --netrc-file "$TMP/home/.netrc"
expect_status 1 "$B" load "$TMP/g.ttl" -e "$STORE/basic" --netrc-file "$TMP/netrc-wrong"
expect_stderr "$STORE/basic refused the credentials (HTTP 401 Unauthorized): check the netrc file's entry for the endpoint's host; nothing was loaded"
no_secret
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/basic" --netrc-file "$TMP/none"
expect_stderr "cannot read the netrc file '$TMP/none': No such file or directory"
expect_status 2 "$B" load "$TMP/g.ttl" -e "$STORE/basic" --netrc -u ann
expect_stderr "give --user or --netrc, not both"
