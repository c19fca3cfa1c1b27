#!/usr/bin/env bash
# Installs the Debian packages lizheng needs to build, test and run, if any
# is missing. The one list of system dependencies.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build ccache pkg-config
  # libraries
  libsqlite3-dev libcpp-httplib-dev nlohmann-json3-dev libsodium-dev libfmt-dev
  # data: the jieba dictionary for Chinese word segmentation (read at run time)
  python3-jieba
  # tests
  libgtest-dev libgmock-dev sqlite3 procps
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
