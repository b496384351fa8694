#!/usr/bin/env bash
# The container's entrypoint: runs the gateway with the JVM options of GATEWAY_JAVA_OPTS (heap size,
# for one) and the logging configuration shipped beside it. Arguments are the gateway's command
# (default, from the image: serve).
set -euo pipefail
cd "${GATEWAY_HOME:-/opt/gateway}"
# shellcheck disable=SC2086 # the options are words, as on a java command line
exec java ${GATEWAY_JAVA_OPTS:-} -Dlogback.configurationFile=config/logback.xml -jar gateway.jar "$@"
