#!/bin/sh
# End-to-end cases: run-cases.sh BINDIR CASEDIR...
#
# A case is a directory holding
#   cmd      the command line(s), run by sh in a scratch copy of the case
#            directory with BINDIR first on PATH; $TOP is the source tree
#   stdin    standard input (optional; else /dev/null)
#   out      expected standard output (optional; else empty)
#   err      expected standard error (optional; else empty)
#   status   expected exit status (optional; else 0)
# and any input files.  stdout, stderr and status are compared byte for
# byte.  CASE_WRAP, when set, is a command put before every tact-*
# program (e.g. "valgrind -q --error-exitcode=99").
bindir=$(cd "$1" && pwd) || exit 2
shift
TOP=$(pwd)
export TOP
LC_ALL=C
export LC_ALL
scratch=$(mktemp -d) || exit 2
trap 'rm -rf "$scratch"' EXIT INT TERM
path=$bindir
if [ -n "$CASE_WRAP" ]; then
	mkdir "$scratch/wrap"
	for b in "$bindir"/tact-*; do
		[ -x "$b" ] || continue
		case $b in *.d) continue ;; esac
		printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$CASE_WRAP" "$b" \
			>"$scratch/wrap/${b##*/}"
		chmod +x "$scratch/wrap/${b##*/}"
	done
	path=$scratch/wrap
fi
pass=0 fail=0
for dir in "$@"; do
	for c in "$dir"/*/; do
		c=${c%/}
		[ -f "$c/cmd" ] || continue
		name=${c#"$dir"/}
		w=$scratch/case
		rm -rf "$w"
		cp -R "$c" "$w"
		in=/dev/null
		[ -f "$c/stdin" ] && in=$w/stdin
		(cd "$w" && PATH="$path:$PATH" sh ./cmd <"$in" >"$scratch/out" 2>"$scratch/err")
		st=$?
		want=0
		[ -f "$c/status" ] && want=$(cat "$c/status")
		ok=1
		for s in out err; do
			exp=/dev/null
			[ -f "$c/$s" ] && exp=$c/$s
			if ! cmp -s "$exp" "$scratch/$s"; then
				ok=0
				echo "--- $name: $s differs (expected, got):"
				diff "$exp" "$scratch/$s" | head -n 20
			fi
		done
		if [ "$st" != "$want" ]; then
			ok=0
			echo "--- $name: exit status $st, expected $want"
		fi
		if [ $ok -eq 1 ]; then pass=$((pass + 1)); else
			fail=$((fail + 1)); echo "FAIL: $name"; fi
	done
done
echo "cases: $pass passed, $fail failed"
[ $fail -eq 0 ]
