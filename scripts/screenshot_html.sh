#!/usr/bin/env bash
# Screenshot a claimcheck HTML report in headless Chromium (Debian's `chromium` package).
#
#   scripts/screenshot_html.sh OUT.png REPORT.html
#   scripts/screenshot_html.sh OUT.png ARTICLE... [CLAIMCHECK-CHECK-OPTIONS...]
#
# With one .html input it is shot as is; otherwise the inputs are checked with
# `claimcheck check --format html` first (claimcheck must be on PATH, or set
# CLAIMCHECK to the command). WINDOW=1280,1800 sets the viewport (the shot is
# the viewport, not the whole page); FRAGMENT=d0-c3 opens the page at that claim,
# which shows its tooltip. Install the browser with:
#   apt-get update && apt-get install -y chromium
set -euo pipefail

if [ "$#" -lt 2 ]; then
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi

out=$1
shift
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
    echo "screenshot_html.sh: no chromium found (apt-get install -y chromium)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "$#" -eq 1 ] && [[ "$1" == *.html ]]; then
    page=$(realpath "$1")
else
    page="$work/report.html"
    # claimcheck exits 1 when it finds contradictions: that still writes the report
    ${CLAIMCHECK:-claimcheck} check "$@" --format html --output "$page" || [ "$?" -eq 1 ]
fi

timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size="${WINDOW:-1280,1800}" \
    --screenshot="$(realpath -m "$out")" "file://$page${FRAGMENT:+#$FRAGMENT}" 2>"$work/chromium.log" || {
    cat "$work/chromium.log" >&2
    exit 1
}
test -s "$out"
echo "wrote $out"
