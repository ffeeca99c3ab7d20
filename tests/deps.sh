#!/bin/sh
# Install the Debian packages the build and the tests need, only those
# that are missing.  As root this runs apt-get; otherwise it says what to
# install and fails.
#
# deps.sh fuzz: instead, what make fuzz needs (clang and its libFuzzer
# runtime); make check does not need them.
missing=
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
if [ "${1:-}" = fuzz ]; then
	command -v clang >/dev/null 2>&1 || missing="$missing clang"
	# The runtime: can clang link a fuzz target?
	t=$(mktemp -d) || exit 2
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)%s\n' \
	    '{ (void)d; (void)n; return 0; }' >"$t/t.c"
	command -v clang >/dev/null 2>&1 &&
		clang -fsanitize=fuzzer,address,undefined -o "$t/t" "$t/t.c" \
		    >/dev/null 2>&1 ||
		missing="$missing libclang-rt-14-dev"
	rm -rf "$t"
	# The library's own dependencies, as for make check.
	command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
	have_pc libpcre2-8 || missing="$missing libpcre2-dev"
	have_pc yaml-0.1 || missing="$missing libyaml-dev"
else
	command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
	have_pc libpcre2-8 || missing="$missing libpcre2-dev"
	have_pc yaml-0.1 || missing="$missing libyaml-dev"
	have_pc cmocka || missing="$missing libcmocka-dev"
	command -v mandoc >/dev/null 2>&1 || missing="$missing mandoc"
	# tests/bounds measures peak memory with GNU time.
	[ -x /usr/bin/time ] || missing="$missing time"
	# The ics-icalendar case checks tact-ics with a real iCalendar parser.
	/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 ||
		missing="$missing python3-icalendar"
fi
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
