#!/bin/sh
# make demo: the pipeline on samples/, for today.
set -u
PATH=$(pwd)/bin:$PATH
echo "\$ tact-parse samples/notes | head -n 12"
tact-parse samples/notes | head -n 12
echo "..."
echo "($(tact-parse samples/notes | wc -l) records from $(ls samples/notes | wc -l) files)"
if [ -x bin/tact-due ]; then
	echo
	echo "\$ tact-parse samples/notes | tact-due samples/occasions"
	tact-parse samples/notes | tact-due samples/occasions
fi
if [ -x bin/tact-report ]; then
	echo
	echo "\$ tact-parse samples/notes | tact-due -p samples/occasions | tact-report"
	tact-parse samples/notes | tact-due -p samples/occasions | tact-report
fi
