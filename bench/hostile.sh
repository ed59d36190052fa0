#!/usr/bin/env bash
# The larger hostile-input run: HostileInputIT's generator and checks with 50,000 requests (or $1)
# from 8 threads, against the WAR deployed as the IT suite deploys it (Payara Micro + Derby; add
# e.g. -Pwildfly-postgres -Dit.db.url=... after the count for another pair). Prints the answers by
# status; fails on any answer that breaks the contract.
#   bash bench/hostile.sh [requests] [maven arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-50000}
shift || true
mvn -B verify -Dit.test=HostileInputIT -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false \
    -Dhostile.requests="$requests" -Dhostile.threads=8 -Dhostile.seed="${SEED:-20261201}" "$@" | tee target/hostile-bench.log \
    | grep -E 'Hostile input:|Tests run:|BUILD|answers break' || true
grep -q 'BUILD SUCCESS' target/hostile-bench.log
