#!/bin/sh
# bless-case.sh BINDIR CASEDIR: record a case's current stdout, stderr and
# exit status as its expectation.  Only after reading them by hand.
bindir=$(cd "$1" && pwd) || exit 2
c=$2
TOP=$(pwd)
export TOP
LC_ALL=C
export LC_ALL
w=$(mktemp -d) || exit 2
cp -R "$c" "$w/case"
rm -f "$w/case/out" "$w/case/err" "$w/case/status"
in=/dev/null
[ -f "$c/stdin" ] && in=$w/case/stdin
(cd "$w/case" && PATH="$bindir:$PATH" sh ./cmd <"$in" >"$w/out" 2>"$w/err")
st=$?
rm -f "$c/out" "$c/err" "$c/status"
[ -s "$w/out" ] && cp "$w/out" "$c/out"
[ -s "$w/err" ] && cp "$w/err" "$c/err"
[ "$st" -ne 0 ] && echo "$st" >"$c/status"
rm -rf "$w"
exit 0
