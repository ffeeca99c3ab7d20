#!/bin/sh
# run.sh SECONDS TARGET...: run each libFuzzer target build-fuzz/bin/TARGET
# for SECONDS seconds (make fuzz builds them).
#
# Seeds are copied from samples/ and tests/ into build-fuzz/seeds/TARGET
# at every run (never committed); what the fuzzer finds goes to
# build-fuzz/corpus/TARGET, which is kept between runs, so a later run
# starts where the last one stopped.  A crash, a leak, a timeout or a
# failed CHECK leaves its input in build-fuzz/artifacts/ and fails the
# run; the fuzzer's log is build-fuzz/log/TARGET.log.  FUZZ_JOBS targets
# run at once (default 1).
#
# To replay a finding: build-fuzz/bin/TARGET build-fuzz/artifacts/FILE;
# then make it a case in tests/hostile/ or a unit test, and fix it.
secs=$1
shift
B=build-fuzz
jobs=${FUZZ_JOBS:-1}
mkdir -p "$B/seeds" "$B/corpus" "$B/artifacts" "$B/log" || exit 2

# One seed file a line of the given files (list items without their
# marker, as the date and money scanners see them), at most 2000.
lines() {
	awk '{ sub(/^[ \t]*[-*+][ \t]+/, ""); if (length($0) && !seen[$0]++)
		print }' "$@" 2>/dev/null | head -n 2000 |
	awk -v dir="$dir" '{ f = sprintf("%s/l%05d", dir, NR);
		printf "%s", $0 > f; close(f) }'
}

seed() {
	dir=$B/seeds/$1
	rm -rf "$dir"
	mkdir -p "$dir"
	n=0
	case $1 in
	fuzz_notes | fuzz_done)
		find samples tests/cases -type f \( -name '*.md' -o \
		    -path 'tests/cases/parse-*/stdin' \) >"$B/seeds/list"
		;;
	fuzz_date | fuzz_money)
		find samples tests/cases -type f -name '*.md' >"$B/seeds/list"
		# shellcheck disable=SC2046
		lines $(cat "$B/seeds/list")
		: >"$B/seeds/list"
		;;
	fuzz_occasions)
		find samples tests/cases -type f -name 'occasions' \
		    >"$B/seeds/list"
		;;
	fuzz_records)
		find tests/cases -type f \( -name 'records' -o -name '*.rec' \
		    -o -path 'tests/cases/parse-*/out' \
		    -o -path 'tests/cases/due-*/out' \) >"$B/seeds/list"
		;;
	fuzz_frontmatter)
		# The front matter of every note that has one: the lines
		# between the first two '---' lines.
		find samples tests/cases tests/hostile -type f \( -name '*.md' \
		    -o -path '*/stdin' \) | while IFS= read -r f; do
			n=$((n + 1))
			awk 'NR == 1 && !/^---\r?$/ { exit }
			    NR > 1 && /^---\r?$/ { exit } NR > 1' "$f" \
			    >"$dir/m$n"
			[ -s "$dir/m$n" ] || rm -f "$dir/m$n"
		done
		: >"$B/seeds/list"
		;;
	fuzz_ics)
		find tests/cases -type f \( -path 'tests/cases/ics-*/stdin' \
		    -o -path 'tests/cases/due-*/out' \) >"$B/seeds/list"
		;;
	fuzz_report)
		find tests/cases tests/hostile -type f \( \
		    -path 'tests/cases/report-*/records' \
		    -o -path 'tests/cases/report-*/stdin' \
		    -o -path 'tests/hostile/report-*/stdin' \
		    -o -path 'tests/cases/due-pass/out' \) >"$B/seeds/list"
		;;
	*)
		: >"$B/seeds/list"
		;;
	esac
	while IFS= read -r f; do
		n=$((n + 1))
		cp "$f" "$dir/f$n"
	done <"$B/seeds/list"
	rm -f "$B/seeds/list"
}

# Run one target; print one line of figures from its log.
run() {
	t=$1
	mkdir -p "$B/corpus/$t"
	dict=
	d=$t
	[ "$t" = fuzz_done ] && d=fuzz_notes	# the same words matter
	[ -f "tests/fuzz/$d.dict" ] && dict=-dict=tests/fuzz/$d.dict
	# Inputs as long as the texts each target reads are (a seed file
	# beyond it is cut): the fuzzer runs faster on small ones.
	case $t in
	fuzz_date | fuzz_money) max=4096 ;;
	fuzz_occasions | fuzz_records | fuzz_ics | fuzz_report) max=16384 ;;
	*) max=65536 ;;
	esac
	"$B/bin/$t" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
	    -max_len=$max -print_final_stats=1 $dict \
	    -artifact_prefix="$B/artifacts/$t-" \
	    "$B/corpus/$t" "$B/seeds/$t" >"$B/log/$t.log" 2>&1
	st=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$B/log/$t.log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$B/log/$t.log")
	last=$(grep -E '^#[0-9]+' "$B/log/$t.log" | tail -n 1)
	cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(printf '%s\n' "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
	if [ $st -eq 0 ]; then
		echo "$t: ${secs}s, $execs runs ($rate/s), cov $cov, ft $ft," \
		    "corpus $corp: no finding"
	else
		echo "$t: FAILED (status $st) after $execs runs; see" \
		    "$B/log/$t.log and $B/artifacts/:"
		grep -E 'ERROR|CHECK failed|runtime error|SUMMARY' \
		    "$B/log/$t.log" | head -n 5
	fi
	return $st
}

fail=0
for t in "$@"; do
	seed "$t"
done
set -- "$@"
while [ $# -gt 0 ]; do
	pids=
	i=0
	while [ $# -gt 0 ] && [ $i -lt "$jobs" ]; do
		run "$1" >"$B/log/$1.summary" &
		pids="$pids $!:$1"
		shift
		i=$((i + 1))
	done
	for p in $pids; do
		wait "${p%%:*}" || fail=1
		cat "$B/log/${p#*:}.summary"
	done
done
exit $fail
