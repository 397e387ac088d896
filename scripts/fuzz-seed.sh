#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/, ignored by git) from the request lines
# of the benchmark and the CLI samples, and from their policy documents.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/eval_line fuzz/corpus/policy_parse
n=0
for f in crates/cli/tests/data/*.jsonl; do
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    n=$((n + 1))
    printf '%s' "$line" > "fuzz/corpus/eval_line/seed-$n"
    printf '%s' "$line" | python3 -c '
import json, sys
try:
    v = json.load(sys.stdin)
except Exception:
    sys.exit(0)
if isinstance(v, dict):
    for i, p in enumerate(v.get("identity_policies") or []):
        print(json.dumps(p))
' 2>/dev/null | while IFS= read -r doc; do
      n2=$(printf '%s' "$doc" | cksum | cut -d' ' -f1)
      printf '%s' "$doc" > "fuzz/corpus/policy_parse/seed-$n2"
    done
  done < "$f"
done
echo "seeded fuzz/corpus/eval_line ($(ls fuzz/corpus/eval_line | wc -l) files) and fuzz/corpus/policy_parse ($(ls fuzz/corpus/policy_parse | wc -l) files)"
