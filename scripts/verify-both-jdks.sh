#!/usr/bin/env bash
# The whole test suite on JDK 17 (the oldest Java chatsdk supports) and again on JDK 25, then the benchmarks module
# compiled (not run) so that it cannot rot. This is the README's test command, and exactly what .ci/run calls.
#
# JDK 17: JAVA_HOME_17, else JAVA_HOME, else the `java` on the PATH. JDK 25: JAVA_HOME_25, else the first of
# /usr/lib/jvm/temurin-25-jdk-amd64, /usr/lib/jvm/*-25-*, /usr/lib/jvm/java-25*, ~/.sdkman/candidates/java/25*.
# Either one missing, or of the wrong version, stops the script before anything is built.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "verify-both-jdks: $*" >&2
  exit 1
}

# The major version of the JDK at $1 ("17", "25"), from its java -version line.
major_version() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

java_home_of_path() {
  local java
  java="$(command -v java)" || return 1
  dirname "$(dirname "$(readlink -f "$java")")"
}

jdk17="${JAVA_HOME_17:-${JAVA_HOME:-$(java_home_of_path || true)}}"
jdk25="${JAVA_HOME_25:-}"
if [[ -z "$jdk25" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-25-* /usr/lib/jvm/java-25* \
      "$HOME"/.sdkman/candidates/java/25*; do
    if [[ -x "$candidate/bin/java" ]]; then
      jdk25="$candidate"
      break
    fi
  done
fi

[[ -n "$jdk17" && -x "$jdk17/bin/java" ]] || fail "no JDK 17 found: set JAVA_HOME_17 (or JAVA_HOME) to one"
[[ -n "$jdk25" && -x "$jdk25/bin/java" ]] \
  || fail "no JDK 25 found in /usr/lib/jvm or ~/.sdkman: install Temurin 25 or set JAVA_HOME_25 to one"
[[ "$(major_version "$jdk17")" == 17 ]] || fail "$jdk17 is JDK $(major_version "$jdk17"), not 17: set JAVA_HOME_17"
[[ "$(major_version "$jdk25")" == 25 ]] || fail "$jdk25 is JDK $(major_version "$jdk25"), not 25: set JAVA_HOME_25"

run() {
  local jdk="$1"
  shift
  echo "== JDK $(major_version "$jdk") ($jdk): ./mvnw $*"
  JAVA_HOME="$jdk" ./mvnw "$@"
}

# Each run starts from clean so that the second compiles with its own javac instead of reusing the first's classes.
run "$jdk17" -B -ntp clean verify
run "$jdk25" -B -ntp clean verify
# Compiled with the production code it measures; its own tests and jars are not needed to keep it honest.
run "$jdk17" -B -ntp -q -Pbenchmarks -pl benchmarks -am compile
