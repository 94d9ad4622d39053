#!/usr/bin/env sh
# Builds modules with everything they need and gathers their runtime class path into /out/lib: the first
# module's own jar plus its dependencies (the reactor's modules as the jars just packaged).
# Used by every Dockerfile here, from the repository root: sh deploy/build.sh <module> [<module> ...]
set -eu
module="$1"
modules="$(echo "$@" | tr ' ' ',')"
mvn -B -q -ntp -DskipTests -pl "$modules" -am package dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory=/out/lib
for jar in "$module"/target/*.jar; do
  case "$jar" in *original-*) ;; *) cp "$jar" /out/lib/ ;; esac
done
