#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds wsroom into build/, then runs it with the
# arguments given, e.g.  ./run.sh --headless --port 8000
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"

wsroom_setup
wsroom_say "starting build/app/wsroom $*"
exec "${WSROOM_BUILD_DIR}/app/wsroom" "$@"
