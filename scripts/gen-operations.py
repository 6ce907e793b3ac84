#!/usr/bin/env python3
"""Writes assets/operations.tsv: every operation of botocore's cognito-idp service-2.json
(Apache-2.0) with its exact name, whether it is SigV4-signed or unauthenticated, its required input
members, and whether its output has members. The client refuses an empty 200 body for an operation
whose output has members: that is a cut-off answer, not an empty result.
Usage: scripts/gen-operations.py ../shared/cognito-idp/service-2.json > assets/operations.tsv"""
import json
import sys

model = json.load(open(sys.argv[1]))
print("operation\tauth\trequired_input\toutput")
for name in sorted(model["operations"]):
    op = model["operations"][name]
    auth = "none" if op.get("authtype") == "none" or op.get("auth") == ["smithy.api#noAuth"] else "sigv4"
    required = model["shapes"][op["input"]["shape"]].get("required", []) if "input" in op else []
    out = op.get("output")
    has_members = bool(out and model["shapes"][out["shape"]].get("members"))
    print(f"{name}\t{auth}\t{','.join(required)}\t{'members' if has_members else 'empty'}")
