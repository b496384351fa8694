#!/usr/bin/env bash
# The container's health check: GET /health/ready on the gateway's port answers 200. Uses bash's
# /dev/tcp, so it needs no HTTP client in the image; exits 1 when the gateway is down or not ready.
set -uo pipefail
port="${GATEWAY_HTTP_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
IFS= read -r -t 3 status <&3 || exit 1
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
