#!/usr/bin/env bash
# Copies the browser tests' screenshots (server/target/screenshots) to docs/screenshots under the names the
# README and docs/web.md use. Run the four browser tests first:
#   ./mvnw -B -pl server test -Dtest='FanJourneyBrowserTests,OrganizerConsoleBrowserTests,WaitingRoomBrowserTests,CouponBrowserTests'
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
from="$here/../../server/target/screenshots"
# docs name <- browser test's name
while read -r doc shot; do
  [ -f "$from/$shot.png" ] || { echo "missing $from/$shot.png: run the browser tests first" >&2; exit 1; }
  cp "$from/$shot.png" "$here/$doc.png"
  echo "$doc.png <- $shot.png"
done <<'MAP'
fan-home fan-01-home
fan-seats fan-03-seats
fan-payment fan-05-payment
fan-tickets fan-06-tickets
fan-waiting-room fan-waiting-room
fan-coupon-checkout fan-coupon-checkout
console-venue-editor console-01-venue-editor
console-fan-countdown console-04-fan-sees-countdown
console-dashboard console-05-dashboard
console-check-in console-07-check-in-refused
console-staff console-08-staff
console-coupons console-coupons
MAP
