#!/bin/sh
# Install the Debian packages the build and the tests need, only those
# that are missing.  As root this runs apt-get; otherwise it says what to
# install and fails.  make check needs clang with its sanitizer runtime
# (the second sanitizer build, build-clang-san/).
#
# deps.sh fuzz: instead, what make fuzz needs (clang and its libFuzzer
# runtime, the library's own dependencies).

# install PACKAGE...: apt-get install them (as root), or fail saying so.
install() {
	[ $# -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "tact needs these Debian packages: $*" >&2
		echo "install them as root: apt-get install $*" >&2
		exit 1
	fi
	echo "installing: $*"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q "$@" >/dev/null ||
		{ apt-get update -q >/dev/null &&
		  apt-get install -y -q "$@" >/dev/null; } ||
		{ echo "apt-get install $* failed" >&2; exit 1; }
}

have_pc() { pkg-config --exists "$1" 2>/dev/null; }

# clang_links FLAGS: can clang link a small program with FLAGS (the
# sanitizer runtimes are a package of their own)?
clang_links() {
	command -v clang >/dev/null 2>&1 || return 1
	t=$(mktemp -d) || exit 2
	printf '%s\n' 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)' \
	    '{ (void)d; (void)n; return 0; }' \
	    '#ifndef FUZZ' 'int main(void) { return 0; }' '#endif' >"$t/t.c"
	clang "$@" -o "$t/t" "$t/t.c" >/dev/null 2>&1
	st=$?
	rm -rf "$t"
	return $st
}

# The runtime package of the clang installed (libclang-rt-14-dev on
# Debian 12).
clang_rt() {
	echo "libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"
}

if [ "${1:-}" = fuzz ]; then
	san="-DFUZZ -fsanitize=fuzzer,address,undefined"
else
	san="-fsanitize=address,undefined"
fi
missing=
command -v clang >/dev/null 2>&1 || missing="$missing clang"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
have_pc libpcre2-8 || missing="$missing libpcre2-dev"
have_pc yaml-0.1 || missing="$missing libyaml-dev"
if [ "${1:-}" != fuzz ]; then
	have_pc cmocka || missing="$missing libcmocka-dev"
	command -v mandoc >/dev/null 2>&1 || missing="$missing mandoc"
	# tests/bounds measures peak memory with GNU time.
	[ -x /usr/bin/time ] || missing="$missing time"
	# The ics-icalendar case checks tact-ics with a real iCalendar parser.
	/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 ||
		missing="$missing python3-icalendar"
	# The ics-calcurse case imports tact-ics output into calcurse.
	command -v calcurse >/dev/null 2>&1 || missing="$missing calcurse"
fi
# shellcheck disable=SC2086
install $missing
# shellcheck disable=SC2086
clang_links $san || install "$(clang_rt)"
# shellcheck disable=SC2086
clang_links $san || { echo "clang cannot link with $san" >&2; exit 1; }
exit 0
