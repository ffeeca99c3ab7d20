#!/bin/sh
# make bench: tact against grep, awk and remind on a generated corpus.
#
#   BENCH_CLIENTS   clients of the main corpus (default 100000)
#   BENCH_DIR       where corpora go (default /tmp/tact-bench)
#   BENCH_RUNS      runs a measurement, the median is shown (default 5)
#
# Prints one table: command, clients, MB of input, wall time (median),
# MB/s, peak RSS, and the ratio against the baseline named in the row.
set -u
top=$(pwd)
bin=$top/bin
clients=${BENCH_CLIENTS:-100000}
dir=${BENCH_DIR:-/tmp/tact-bench}
runs=${BENCH_RUNS:-5}
mkdir -p "$dir" build-bench || exit 2
if ! command -v remind >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "installing remind (the baseline for tact-due)"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q remind \
			>/dev/null 2>&1 || echo "apt-get install remind failed"
	else
		echo "remind is missing: apt-get install remind (as root)"
	fi
fi
cc -O2 -o build-bench/gen tests/bench/gen.c || exit 2
LC_ALL=C.UTF-8
export LC_ALL

# corpus N: generate the corpus of N clients once.
corpus() {
	c=$dir/c$1
	if [ ! -f "$c/done" ]; then
		rm -rf "$c"
		build-bench/gen "$c" "$1" || return 1
		(cd "$c" && "$bin/tact-parse" notes >records) || return 1
		printf 'birthday birthday 0 Call {contact|the team}: happy birthday\n' \
			>"$c/birthday.occasions"
		touch "$c/done"
	fi
}

# measure CMD: run it $runs times (after one warm-up), print
# "median-seconds peak-kB".
measure() {
	sh -c "$1" >/dev/null 2>&1
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(date +%s%N)
		/usr/bin/time -f '%M' -o "$dir/time" sh -c "$1" >/dev/null 2>"$dir/err" ||
			{ echo "failed: $1" >&2; head -n 3 "$dir/err" >&2; }
		t1=$(date +%s%N)
		echo "$(((t1 - t0) / 1000000)) $(tail -n 1 "$dir/time")"
		i=$((i + 1))
	done | sort -n | awk -v n="$runs" '
		{ t[NR] = $1 / 1000; if ($2 > m) m = $2 }
		END { printf "%.3f %d\n", t[int((n + 1) / 2)], m }'
}

# row NAME CLIENTS MB CMD [BASE-NAME BASE-SECONDS]
row() {
	set -- "$@" "" ""
	r=$(measure "$4")
	sec=${r% *}
	kb=${r#* }
	eval "t_$(echo "$1" | tr -c 'a-zA-Z0-9\n' '_')_$2=$sec"
	awk -v name="$1" -v n="$2" -v mb="$3" -v s="$sec" -v kb="$kb" \
	    -v base="$5" -v bs="$6" 'BEGIN {
		rate = s > 0 ? sprintf("%.0f", mb / s) : "-"
		ratio = ""
		if (base != "" && bs > 0)
			ratio = sprintf("%.2fx %s", s / bs, base)
		printf "%-34s %8s %6.0f %8.3f %7s %8.1f  %s\n", name, n, mb, s,
		    rate, kb / 1024, ratio }'
}

secs() { eval "echo \${t_$(echo "$1" | tr -c 'a-zA-Z0-9\n' '_')_$2:-0}"; }

today=2026-11-27
occ=$dir/c$clients/occasions

printf '%-34s %8s %6s %8s %7s %8s  %s\n' command clients MB wall-s MB/s RSS-MB ratio
for n in "$clients" $((clients / 10)) $((clients * 10)); do
	if [ "$n" -gt 200000 ]; then
		need=$((n / 1000 * 3 + 500))	# MB: notes and records
		free=$(df -Pm "$dir" | awk 'NR == 2 { print $4 }')
		if [ "$free" -lt "$need" ]; then
			echo "skipped $n clients: $free MB free in $dir, $need needed"
			continue
		fi
	fi
	corpus "$n" || exit 2
	c=$dir/c$n
	mb=$(du -sm "$c/notes" | cut -f1)
	rmb=$(du -sm "$c/records" | cut -f1)
	# Relative paths, as a user types them: SOURCE fields are short.
	cd "$c" || exit 2
	main=; [ "$n" = "$clients" ] && main=1
	if [ -n "$main" ]; then
		# Not to /dev/null: GNU grep stops at the first match there.
		row "grep -cP (baseline)" "$n" "$mb" "grep -cP '^\\s{0,3}[-*+] ' notes/*.md >$dir/grep.out"
		row "awk extract.awk (baseline)" "$n" "$mb" "awk -f $top/tests/bench/extract.awk notes/*.md"
		row "tact-parse" "$n" "$mb" "$bin/tact-parse notes" \
			grep "$(secs "grep -cP (baseline)" "$n")"
		echo "$(printf '%-34s' '')   (tact-parse vs awk: $(awk -v a="$(secs tact-parse "$n")" -v b="$(secs "awk extract.awk (baseline)" "$n")" 'BEGIN { printf "%.1fx faster", b / a }'))"
	else
		row "tact-parse" "$n" "$mb" "$bin/tact-parse notes"
	fi
	row "tact-due (8 rules)" "$n" "$rmb" "$bin/tact-due -t $today occasions records"
	if [ -n "$main" ] && command -v remind >/dev/null 2>&1; then
		bmb=$(du -sm birthdays.records | cut -f1)
		row "remind -n (baseline)" "$n" "$bmb" "remind -n birthdays.rem $today"
		row "remind (baseline)" "$n" "$bmb" "remind birthdays.rem $today"
		row "tact-due (birthdays)" "$n" "$bmb" \
			"$bin/tact-due -t $today -w 14 birthday.occasions birthdays.records" \
			"remind -n" "$(secs "remind -n (baseline)" "$n")"
	fi
	row "pipeline parse|due -p|report" "$n" "$mb" \
		"$bin/tact-parse notes | $bin/tact-due -p -t $today occasions | $bin/tact-report -t $today"
	cd "$top" || exit 2
done

echo
echo "growth (time at 10x the clients / time):"
for s in tact-parse "tact-due (8 rules)" "pipeline parse|due -p|report"; do
	a=$(secs "$s" $((clients / 10))) b=$(secs "$s" "$clients") c=$(secs "$s" $((clients * 10)))
	awk -v s="$s" -v a="$a" -v b="$b" -v c="$c" -v n="$clients" 'BEGIN {
		printf "  %-32s", s
		if (a > 0) printf "  %.1fx (%d -> %d clients)", b / a, n / 10, n
		if (c > 0) printf "  %.1fx (%d -> %d clients)", c / b, n, n * 10
		printf "\n" }'
done
