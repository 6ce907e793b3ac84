#!/usr/bin/env python3
"""Writes assets/shapes.json from botocore's cognito-idp service-2.json (Apache-2.0): each
operation's input shape, and for every shape its JSON type, its members in the model's order (and
which are required), its list element or map key and value, and its constraints: min and max
(a string's length, a list's or map's size, a number's value), pattern, enum and sensitive. The
local server checks every request against it as AWS does before an operation runs; the console
checks a username with the same constraint.
Usage: scripts/gen-shapes.py ../shared/cognito-idp/service-2.json > assets/shapes.json

Keys (short, the file is compiled in): t type, m members as [name, shape] pairs, r required
members, e list element, k map key, v map value, n min, x max, p pattern, en enum, s sensitive."""
import json
import sys

model = json.load(open(sys.argv[1]))
shapes = {}
for name, shape in model["shapes"].items():
    kind = "document" if shape.get("document") else shape["type"]
    entry = {"t": kind}
    if kind == "structure":
        entry["m"] = [[m, spec["shape"]] for m, spec in shape.get("members", {}).items()]
        if shape.get("required"):
            entry["r"] = shape["required"]
    elif kind == "list":
        entry["e"] = shape["member"]["shape"]
    elif kind == "map":
        entry["k"] = shape["key"]["shape"]
        entry["v"] = shape["value"]["shape"]
    for key, short in (("min", "n"), ("max", "x"), ("pattern", "p"), ("enum", "en")):
        if key in shape:
            value = shape[key]
            if key in ("min", "max") and value != int(value):
                sys.exit(f"{name}.{key} is not a whole number: {value}")
            entry[short] = int(value) if key in ("min", "max") else value
    if shape.get("sensitive"):
        entry["s"] = 1
    shapes[name] = entry
ops = {name: op["input"]["shape"] for name, op in model["operations"].items() if "input" in op}
json.dump({"operations": ops, "shapes": shapes}, sys.stdout, separators=(",", ":"), sort_keys=True,
          ensure_ascii=False)
sys.stdout.write("\n")
