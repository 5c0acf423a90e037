#!/usr/bin/env bash
# Builds every published jar (classes, sources, javadoc) twice from clean and compares them byte for byte.
# Prints one sha256 line per jar and exits non-zero, naming the jars, if the two builds differ.
# The build pins each entry's time with project.build.outputTimestamp in the parent POM.
set -euo pipefail
cd "$(dirname "$0")/.."

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

build() {
  ./mvnw -B -ntp -q clean package -DskipTests
  mkdir -p "$out/$1"
  find . -path '*/target/*' -name 'chatsdk-*.jar' -not -path './benchmarks/*' -exec cp {} "$out/$1/" \;
  (cd "$out/$1" && sha256sum -- *.jar | sort -k 2)
}

build first > "$out/first.sha256"
# A later wall-clock time for the second build: only the pinned timestamp may reach the jars.
sleep 2
build second > "$out/second.sha256"

cat "$out/second.sha256"
if ! diff -u "$out/first.sha256" "$out/second.sha256"; then
  echo "check-reproducible: the two builds differ (above)" >&2
  exit 1
fi
echo "check-reproducible: $(wc -l < "$out/first.sha256") jars, byte-identical across two builds"
