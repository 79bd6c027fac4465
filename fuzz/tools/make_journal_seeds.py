#!/usr/bin/env python3
"""Writes seeds for the journal_reader fuzz target: a valid hash chain (the encoding of
JournalEvent::canonicalBytes) and copies with one byte changed, a row removed and two rows swapped."""
import hashlib, os, sys

def netstring(b):
    return str(len(b)).encode() + b":" + b + b","

def seal(seq, run, at, typ, actor, payload, prev):
    canon = b"".join(netstring(x) for x in [b"cockpit-journal-v1", str(seq).encode(), run, str(at).encode(),
                                            typ, actor, payload, prev])
    return [str(seq).encode(), run, str(at).encode(), typ, actor, payload, prev,
            hashlib.sha256(canon).hexdigest().encode()]

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "corpus", "journal_reader")
os.makedirs(out, exist_ok=True)
rows, prev = [], b"0" * 64
events = [(b"run_started", b'{"mode":"rehearsal","runbook":"a"}'), (b"stage_entered", b'{"stage":"canary-10"}'),
          (b"sample_taken", b'{"metric":"success_rate_pct","value":97.5}'), (b"gate_changed", b'{"gate":"g","verdict":"pass"}')]
for i, (typ, payload) in enumerate(events, 1):
    row = seal(i, b"rehearsal-1", 1763769600000 + i * 1000, typ, b"Dana", payload, prev)
    prev = row[7]
    rows.append(row)
ser = lambda rs: b"\n".join(b"\t".join(r) for r in rs)
seeds = {"valid": ser(rows), "edited": ser(rows).replace(b"97.5", b"97.6"),
         "removed": ser(rows[:1] + rows[2:]), "swapped": ser([rows[0], rows[2], rows[1], rows[3]]),
         "garbage": b"1\trun\tnot-a-number\tbogus\t\t{\t" + b"0" * 64 + b"\txyz"}
for name, data in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
