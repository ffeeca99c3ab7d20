#!/bin/sh
# Run the cmocka unit test binaries given as arguments.
fail=0
for t in "$@"; do
	if ! out=$("$t" 2>&1); then
		printf '%s\n' "$out"
		echo "FAIL: $t"
		fail=1
	fi
done
[ $fail -eq 0 ] && echo "unit tests: $# binaries passed"
exit $fail
