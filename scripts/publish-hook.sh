#!/usr/bin/env bash
# Publishes the native hook binary (NativeAOT, net9.0) and installs it where `outloop init claude` looks for it:
# $1, else $OUTLOOP_HOME/bin, else ~/.outloop/bin. Then run `outloop init claude` (again) to use it.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-${OUTLOOP_HOME:-$HOME/.outloop}/bin}"
rid="linux-x64"
case "$(uname -m)" in aarch64|arm64) rid="linux-arm64" ;; esac
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
dotnet publish src/Outloop.Hook -c Release -r "$rid" -o "$stage" --nologo -v quiet
mkdir -p "$dest"
# The binary loads libe_sqlite3.so from its own folder. Copy, then rename, so a running hook never sees half a file.
for f in outloop-hook libe_sqlite3.so; do
  cp "$stage/$f" "$dest/.$f.new"
  mv -f "$dest/.$f.new" "$dest/$f"
done
echo "installed $dest/outloop-hook"
