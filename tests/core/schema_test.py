#!/usr/bin/python3
"""Validates the example runbooks against resources/schema/runbook.schema.json and checks that the
schema rejects a few invalid documents. Usage: schema_test.py SOURCE_DIR"""
import copy
import glob
import json
import os
import sys

import jsonschema
import yaml

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
with open(os.path.join(src, "resources", "schema", "runbook.schema.json")) as f:
    schema = json.load(f)
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)

passed = failed = 0


def report(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS   : {name}")
    else:
        failed += 1
        print(f"FAIL!  : {name} {detail}")


examples = sorted(glob.glob(os.path.join(src, "resources", "runbooks", "*.yaml")))
report(len(examples) == 4, "four example runbooks", str(examples))
docs = {}
for path in examples:
    with open(path) as f:
        doc = yaml.safe_load(f)
    docs[os.path.basename(path)] = doc
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    report(not errors, f"valid {os.path.basename(path)}",
           "; ".join(f"{'/'.join(map(str, e.path))}: {e.message[:200]}" for e in errors[:5]))

with open(os.path.join(src, "docs", "runbook-format.md")) as f:
    md = f.read()
start = md.index("```yaml\nrunbook: 1\n") + len("```yaml\n")
doc_example = yaml.safe_load(md[start:md.index("```", start)])
errors = list(validator.iter_errors(doc_example))
report(not errors, "valid docs example", "; ".join(e.message[:200] for e in errors[:5]))

base = docs.get("a-pipeline-rollout.yaml", {"runbook": 1, "name": "x"})


def mutated(fn):
    d = copy.deepcopy(base)
    fn(d)
    return d


def set_(path, value):
    def fn(d):
        node = d
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
    return fn


def delete(path):
    def fn(d):
        node = d
        for k in path[:-1]:
            node = node[k]
        del node[path[-1]]
    return fn


invalid = {
    "unknown top-level key": set_(["prerequisits"], []),
    "wrong version": set_(["runbook"], 2),
    "missing name": delete(["name"]),
    "unknown check key": set_(["prerequisites", 0, "categroy"], "data"),
    "check without probe": delete(["prerequisites", 0, "sql"]),
    "check with two probes": set_(["prerequisites", 0, "manual"], "also manual"),
    "sql check without expect": delete(["prerequisites", 0, "expect"]),
    "duration without unit": set_(["stages", 0, "soak"], "24"),
    "bad severity": set_(["rollback", "triggers", 0, "severity"], "urgent"),
    "rollback_within without within": set_(["rollback", "triggers", 0, "action"], "rollback_within"),
    "connection with two kinds": set_(["connections", "rlm", "sqlite"], {"path": "/tmp/x.db"}),
    "password beside postgres": set_(["connections", "app_db", "password"], {"secret": "app_db_password"}),
    "hold on a manual gate": lambda d: next(g for g in d["stages"][0]["gates"] if "manual" in g).update(hold="1h"),
    "boolean as a word": set_(["stages", 2, "second_approver"], "yes"),
    "port as a word": set_(["connections", "app_db", "postgres", "port"], "fivefourthreetwo"),
    "bad milestone offset": lambda d: d.setdefault("schedule", {}).update({"milestones": [{"id": "m", "at": "7 days before"}]}),
    "tolerance as words": lambda d: d.update({"reconciliation": [{"id": "r", "source": "app_db", "target": "app_db",
                                                                   "tables": ["t"], "tolerance": "five"}]}),
}
for name, fn in invalid.items():
    doc = mutated(fn)
    report(not validator.is_valid(doc), f"rejects {name}")

print(f"Totals: {passed} passed, {failed} failed")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
