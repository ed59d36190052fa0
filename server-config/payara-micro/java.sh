#!/bin/sh
# The java that `mvn payara-micro:start` runs (the pom's payara-micro-maven-plugin <javaHome>, which
# that plugin runs as the java command itself): it sets glibc's malloc up for a small, steady RSS,
# then replaces itself with the real java, so the server keeps this process's id.
#
# glibc gives every thread that allocates while another holds the main heap an arena of its own, up
# to 8 per core, each growing in 64 MB reservations and keeping what it freed: the JIT compilers,
# Derby and Grizzly's threads spread Payara Micro's native allocations over all 16 of a 2-core
# machine, about 140 MB of them resident (pmap of the server). Two arenas hold the same allocations
# in less memory; the pom's -XX:TrimNativeHeapInterval hands what they free back to the system.
# MALLOC_ARENA_MAX set in the environment wins.
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
export MALLOC_ARENA_MAX
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    exec "$JAVA_HOME/bin/java" "$@"
fi
exec java "$@"
