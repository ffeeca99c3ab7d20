#!/bin/sh
# make demo: the pipeline on samples/, for today.  samples/notes/vault is
# an Obsidian-style folder; its Templates/ is left out with -x.
set -u
PATH=$(pwd)/bin:$PATH
parse="tact-parse -x Templates samples/notes"
echo "\$ $parse | head -n 12"
$parse | head -n 12
echo "..."
echo "($($parse | wc -l) records from $(find samples/notes -name '*.md' \
	-not -path '*/Templates/*' | wc -l) files)"
if [ -x bin/tact-due ]; then
	echo
	echo "\$ $parse | tact-due samples/occasions"
	$parse | tact-due samples/occasions
fi
if [ -x bin/tact-report ]; then
	echo
	echo "\$ $parse | tact-due -p samples/occasions | tact-report"
	$parse | tact-due -p samples/occasions | tact-report
fi
if [ -x bin/tact-gifts ]; then
	echo
	echo "\$ $parse | tact-gifts | cut -f 1-3,8-11"
	$parse | tact-gifts | cut -f 1-3,8-11
fi
