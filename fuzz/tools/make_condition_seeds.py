#!/usr/bin/env python3
"""Writes seed inputs for fuzz_condition in the layout FuzzInput (fuzz/FuzzInput.h) splits them into:
strings from the front (ended by a lone backslash), integers from the back. Mirrors takeObservation()
in fuzz/fuzz_condition.cpp; keep the two in step. Usage: make_condition_seeds.py OUTDIR"""
import json, os, sys

class Enc:
    def __init__(self):
        self.front = b""
        self.back = []  # integer byte groups in consumption order

    def s(self, text):
        b = text.encode() if isinstance(text, str) else text
        self.front += b.replace(b"\\", b"\\\\") + b"\\x"

    def i(self, lo, hi, v):
        r = hi - lo
        v -= lo
        nbytes, shift = 0, 0
        while shift < 32 and (r >> shift) != 0:
            nbytes += 1
            shift += 8
        # read order: last byte first, value = (v << 8) | byte, so the first byte read is the high one
        self.back.append([(v >> (8 * (nbytes - 1 - k))) & 0xFF for k in range(nbytes)])

    def b(self, v):
        self.i(0, 1, 1 if v else 0)

    def data(self):
        tail = [x for group in self.back for x in group]
        return self.front + bytes(reversed(tail))

def cell(e, v):
    if v is None: e.i(0, 5, 0)
    elif isinstance(v, bool): e.i(0, 5, 1); e.b(v)
    elif isinstance(v, int): e.i(0, 5, 2); e.i(0, 0xFFFFFFFF, v + 0x7FFFFFFF)
    elif isinstance(v, float): e.i(0, 5, 3); e.i(0, 7, 5); e.i(0, 100000, int(v * 100))
    else: e.i(0, 5, 4); e.s(v)

def seed(cond, kind=0, status=200, ms=120, connected=True, error=None, headers=(), body=b"",
         columns=(), rows=(), metrics=(), exit_code=0, stdout=b"", secret=False, secret_valid=None):
    e = Enc()
    e.s(cond)
    e.i(0, 6, kind); e.i(0, 999, status); e.i(0, 600000, ms); e.b(connected)
    e.b(error is not None)
    if error is not None: e.s(error)
    e.i(0, 4, len(headers))
    for k, v in headers: e.s(k); e.s(v)
    e.s(body)
    e.b(False)  # bodyTruncated
    e.b(False)  # certificate
    e.i(0, 3, len(columns))
    for c in columns: e.s(c)
    e.i(0, 4, len(rows))
    for r in rows:
        e.i(0, 4, len(r))
        for v in r: cell(e, v)
    e.b(True)  # rowCount = rows
    e.b(False)
    e.i(0, 3, len(metrics))
    for name, v in metrics: e.s(name); e.i(0, 7, 5); e.i(0, 100000, int(v * 100))
    e.i(0, 256, exit_code + 1)
    e.s(stdout)
    e.b(secret)
    e.b(secret_valid is not None)
    if secret_valid is not None: e.b(secret_valid)
    return e.data()

health = json.dumps({"status": "healthy", "processors_available": True, "items": [1, 2],
                     "a": [{"b": "x"}], "data": [{"id": 1}, {"id": 2}], "n": 2.5})
json_h = [("Content-Type", "application/json")]
SEEDS = {
    "status": seed("[STATUS] == 200"),
    "status-fail": seed("[STATUS] == 200", status=503),
    "status-range": seed("[STATUS] >= 200", status=204),
    "status-and-rejected": seed("[STATUS] >= 200 && [STATUS] < 300", status=204),
    "body-field": seed("[BODY].status == healthy", headers=json_h, body=health),
    "body-bool": seed("[BODY].processors_available == true", headers=json_h, body=health),
    "body-path": seed("[BODY].a[0].b == x", headers=json_h, body=health),
    "body-index": seed("[BODY].data[1].id > 1", headers=json_h, body=health),
    "body-pat": seed("[BODY] == pat(*healthy*)", body=health),
    "body-any": seed("[BODY].status == any(ok, healthy)", headers=json_h, body=health),
    "len": seed("len([BODY].items) == 2", headers=json_h, body=health),
    "has": seed("has([BODY].n) == true", headers=json_h, body=health),
    "header": seed("[HEADER].Deprecation == true", headers=[("Deprecation", "true"),
                   ("Sunset", "Sat, 01 Mar 2026 00:00:00 GMT")]),
    "header-sunset": seed("[HEADER].Sunset == Sat, 01 Mar 2026 00:00:00 GMT",
                          headers=[("Sunset", "Sat, 01 Mar 2026 00:00:00 GMT")]),
    "response-time": seed("[RESPONSE_TIME] < 300", ms=250),
    "connected": seed("[CONNECTED] == true"),
    "cert": seed("[CERTIFICATE_EXPIRATION] > 48h"),
    "rows": seed("[ROWS] == 4", kind=1, columns=["column_name"],
                 rows=[["full_pass_status"], ["full_pass_started_at"], ["full_pass_completed_at"],
                       ["full_pass_error"]]),
    "value": seed("[VALUE] >= 95", kind=1, columns=["success_rate_pct"], rows=[[97.5]]),
    "column": seed("[COLUMN].stuck == 0", kind=1, columns=["success", "stuck"], rows=[[99.0, 0]]),
    "value-null": seed("[VALUE] == 0", kind=1, columns=["x"], rows=[[None]]),
    "metric": seed("success_rate_pct >= 95", kind=6, metrics=[("success_rate_pct", 96.2)]),
    "metric-missing": seed("slow_imports_pct > 10", kind=6),
    "exit": seed("[EXIT_CODE] == 0", kind=3, stdout=b"ok\n"),
    "stdout": seed("[STDOUT] == pat(*ok*)", kind=3, stdout=b"all ok\n"),
    "secret": seed("[PRESENT] == true", kind=2, secret=True, secret_valid=True),
    "secret-valid": seed("[VALID] == true", kind=2, secret=True, secret_valid=False),
    "stderr": seed("[STDERR] != pat(*error*)", kind=3, exit_code=1),
    "has-metric": seed("has(success_rate_pct) == true", kind=6, metrics=[("success_rate_pct", 99.0)]),
    "duration": seed("[RESPONSE_TIME] <= 1h30m", ms=5000),
    "body-root-index": seed("[BODY][0].x == 1", headers=json_h, body='[{"x": 1}, 2]'),
    "len-raw": seed("len([BODY]) == 0"),
    "gatus-ip-rejected": seed("[IP] == 127.0.0.1"),
    "or-rejected": seed("[STATUS] == 200 || [STATUS] == 204", status=204),
    "string-quoted": seed('[BODY].status == "healthy"', headers=json_h, body=health),
}

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
