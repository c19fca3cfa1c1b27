#!/usr/bin/env bash
# Installs the Debian packages lizheng needs to build, test and run, if any
# is missing. The one list of system dependencies.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build ccache pkg-config
  # libraries
  libsqlite3-dev libcpp-httplib-dev nlohmann-json3-dev libsodium-dev libfmt-dev
  libxlsxwriter-dev
  # the HTTP server: Boost.Beast on Asio (1.81, for its newer Beast); zlib
  # gzips its responses; cpp-httplib above is the tests' HTTP client
  libboost1.81-dev zlib1g-dev
  # fuzzing: clang with libFuzzer; load and attack benchmarks: wrk
  clang-14 libclang-rt-14-dev wrk
  # data: the jieba dictionary for Chinese word segmentation (read at run time)
  python3-jieba
  # tests (chromium and a CJK font: the web pages' browser tests and their
  # screenshots, driven by npm playwright-core)
  libgtest-dev libgmock-dev sqlite3 procps chromium fonts-wqy-microhei
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The web front end is built with Node.js (Vite needs 20.19 or newer) and
# npm; Debian 12's own nodejs is older, so an older or missing node is
# reported rather than replaced behind the user's back.
check_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "install-deps: Node.js >= 20.19 with npm is needed to build the web pages (https://nodejs.org)" >&2
    return 1
  fi
  local v major minor
  v=$(node -p 'process.versions.node')
  major=${v%%.*}; minor=${v#*.}; minor=${minor%%.*}
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    echo "install-deps: Node.js $v is too old for the web build; 20.19 or newer is needed" >&2
    return 1
  fi
}
check_node
