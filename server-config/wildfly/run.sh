#!/usr/bin/env bash
# Runs target/sessions.war on WildFly 38 at http://localhost:8080/, in the foreground; Ctrl-C or
# SIGTERM stops it cleanly. Build the WAR first: mvn -B -DskipTests package
#   WILDFLY_HOME   an installed WildFly 38 to use (prepared in place); else WildFly 38.0.1.Final is
#                  fetched from Maven Central and unpacked under target/
#   SESSIONS_*     the same settings as on Payara Micro (README); SESSIONS_DB_URL, _USER and
#                  _PASSWORD choose PostgreSQL, without them the database is Derby in ./data
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=38.0.1.Final
war=$root/target/sessions.war

[ -f "$war" ] || { echo "No $war: build it first with 'mvn -B -DskipTests package'" >&2; exit 1; }

if [ -z "${WILDFLY_HOME:-}" ]; then
    WILDFLY_HOME=$root/target/wildfly-$version
    if [ ! -d "$WILDFLY_HOME" ]; then
        zip=$HOME/.m2/repository/org/wildfly/wildfly-dist/$version/wildfly-dist-$version.zip
        if [ ! -f "$zip" ]; then
            # -Dtransitive=false: the distribution's POM names a Galleon pack that Central does not serve
            mvn -B -q dependency:get -Dtransitive=false -Dartifact=org.wildfly:wildfly-dist:$version:zip
        fi
        unzip -q "$zip" -d "$root/target"
    fi
fi
bash "$here/prepare.sh" "$WILDFLY_HOME"

# The WAR unchanged; the file name ROOT.war gives it the root context.
deployments=$WILDFLY_HOME/standalone/deployments
rm -f "$deployments"/ROOT.war*
cp "$war" "$deployments/ROOT.war"

# From the project folder, so that the default data directory is ./data, as with Payara Micro.
cd "$root"
# In the background of standalone.sh, which then passes INT and TERM on to the server and waits.
export LAUNCH_JBOSS_IN_BACKGROUND=1
exec "$WILDFLY_HOME/bin/standalone.sh" -Djboss.http.port=8080 -b 127.0.0.1 "$@"
