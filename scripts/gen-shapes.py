#!/usr/bin/env python3
"""Writes assets/shapes.json: each operation's input shape and every shape's JSON type, members,
list element or map key/value, from botocore's cognito-idp service-2.json (Apache-2.0). The local
server checks request types against it, as AWS does before an operation runs.
Usage: scripts/gen-shapes.py ../shared/cognito-idp/service-2.json > assets/shapes.json"""
import json
import sys

model = json.load(open(sys.argv[1]))
shapes = {}
for name, shape in model["shapes"].items():
    entry = {"t": shape["type"]}
    if shape["type"] == "structure":
        entry["m"] = {m: spec["shape"] for m, spec in shape.get("members", {}).items()}
    elif shape["type"] == "list":
        entry["e"] = shape["member"]["shape"]
    elif shape["type"] == "map":
        entry["v"] = shape["value"]["shape"]
    shapes[name] = entry
ops = {name: op["input"]["shape"] for name, op in model["operations"].items() if "input" in op}
json.dump({"operations": ops, "shapes": shapes}, sys.stdout, separators=(",", ":"), sort_keys=True)
sys.stdout.write("\n")
