#!/bin/sh
# Install the Debian packages the build and the tests need, only those
# that are missing.  As root this runs apt-get; otherwise it says what to
# install and fails.
missing=
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
have_pc libpcre2-8 || missing="$missing libpcre2-dev"
have_pc cmocka || missing="$missing libcmocka-dev"
command -v mandoc >/dev/null 2>&1 || missing="$missing mandoc"
# The ics-icalendar case checks tact-ics with a real iCalendar parser.
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 ||
	missing="$missing python3-icalendar"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "tact needs these Debian packages:$missing" >&2
	echo "install them as root: apt-get install$missing" >&2
	exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q $missing >/dev/null ||
	{ apt-get update -q >/dev/null && apt-get install -y -q $missing >/dev/null; } ||
	{ echo "apt-get install$missing failed" >&2; exit 1; }
