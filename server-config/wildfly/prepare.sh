#!/usr/bin/env bash
# Prepares a WildFly 38 installation for the Sessions WAR; safe to run again.
#   bash prepare.sh <WILDFLY_HOME>
# 1. EclipseLink becomes a module: WildFly ships only its integration (jipijapa) under
#    org.eclipse.persistence; the EclipseLink jar and the JDK modules it needs are added to it.
#    The WAR's persistence.xml selects that module (jboss.as.jpa.providerModule).
# 2. Jakarta Security's own mechanism (the WAR's bearer tokens) runs unintegrated with Elytron's
#    JASPI, without which a valid token is answered with 500 ELY01177.
# 3. The welcome page leaves the root context to the WAR.
# 4. Request bodies may be larger than Undertow's default 10 MB: the WAR sets its own limits (64 KiB,
#    16 MiB for a scan, 2 GiB for a reference database) and answers 413 itself.
# 5. Methods: TRACE reaches the WAR, which refuses it with the API's JSON 405 (Undertow's own refusal
#    is not JSON); CONNECT, which no route serves and whose authority-form target the servlet layer
#    answers with a 500, is refused by Undertow with an empty 405 before any application code runs.
# 6. Slow and greedy clients: a request's headers must arrive within 10 s (request-parse-timeout), a
#    connection idle between requests closes after 30 s (no-request-timeout), a read or write that
#    stalls for 60 s ends the connection (read-/write-timeout), and at most 2,000 connections are open.
# 7. A Cookie header with a control character or a byte outside printable ASCII gets an empty 400
#    from Undertow before anything parses it: Undertow's own cookie parser throws on such a byte, and
#    the request would end in a 500 (the session cookie is looked up before any filter of the WAR).
# The database needs nothing here: the WAR reads SESSIONS_DB_URL / _USER / _PASSWORD itself, as on
# Payara Micro, through MicroProfile Config (environment variables or -Dsessions.db.url=...).
set -euo pipefail
home=${1:?usage: prepare.sh <WILDFLY_HOME>}
eclipselink_version=4.0.7
module=$home/modules/system/layers/base/org/eclipse/persistence/main
jar=eclipselink-$eclipselink_version.jar

if [ ! -f "$module/$jar" ]; then
    source_jar=${ECLIPSELINK_JAR:-$HOME/.m2/repository/org/eclipse/persistence/eclipselink/$eclipselink_version/$jar}
    if [ ! -f "$source_jar" ]; then
        mvn -B -q dependency:get -Dtransitive=false -Dartifact=org.eclipse.persistence:eclipselink:$eclipselink_version
    fi
    cp "$source_jar" "$module/$jar"
fi
if ! grep -q "$jar" "$module/module.xml"; then
    sed -i "s|\(<resource-root path=\"jipijapa-eclipselink[^\"]*\"/>\)|\1\n        <resource-root path=\"$jar\"/>|" "$module/module.xml"
    # each of these missing fails the persistence unit's start with a NoClassDefFoundError
    sed -i 's|<dependencies>|<dependencies>\n        <module name="java.rmi"/>\n        <module name="java.xml"/>\n        <module name="java.desktop"/>\n        <module name="java.sql"/>|' "$module/module.xml"
fi

marker=$home/standalone/configuration/.sessions-prepared-4
if [ ! -f "$marker" ]; then
    "$home/bin/jboss-cli.sh" --output-json >/dev/null <<'CLI'
embed-server --std-out=discard --server-config=standalone.xml
/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi, value=false)
if (outcome == success) of /subsystem=undertow/server=default-server/host=default-host/location=\/:read-resource
/subsystem=undertow/server=default-server/host=default-host/location=\/:remove
end-if
/subsystem=undertow/server=default-server/http-listener=default:write-attribute(name=max-post-size, value=4294967296)
/subsystem=undertow/server=default-server/http-listener=default:write-attribute(name=disallowed-methods, value=[CONNECT])
/subsystem=undertow/server=default-server/http-listener=default:write-attribute(name=request-parse-timeout, value=10000)
/subsystem=undertow/server=default-server/http-listener=default:write-attribute(name=no-request-timeout, value=30000)
/subsystem=undertow/server=default-server/http-listener=default:write-attribute(name=read-timeout, value=60000)
/subsystem=undertow/server=default-server/http-listener=default:write-attribute(name=write-timeout, value=60000)
/subsystem=undertow/server=default-server/http-listener=default:write-attribute(name=max-connections, value=2000)
if (outcome != success) of /subsystem=undertow/configuration=filter/expression-filter=sessions-bad-cookie:read-resource
/subsystem=undertow/configuration=filter/expression-filter=sessions-bad-cookie:add(expression="regex(pattern='[^ -~]', value='%{i,Cookie}') -> response-code(400)")
/subsystem=undertow/server=default-server/host=default-host/filter-ref=sessions-bad-cookie:add
end-if
stop-embedded-server
CLI
    touch "$marker"
fi
