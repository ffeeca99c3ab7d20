# tact: plain Makefile (GNU make).  See README.md.
#
#   make            build lib/libtact.a and bin/tact-*
#   make check      install missing packages, build, run every test
#                   (also in builds with address and UB sanitizers, one
#                   with gcc and one with clang)
#   make fuzz       build the libFuzzer targets, run each FUZZ_SECONDS
#   make demo       install missing packages, build, run the pipeline on samples/
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config

# O is the object directory: "." for the ordinary build, build-san and
# build-clang-san for the sanitizer builds, so that all can exist side by
# side.
O ?= .

CFLAGS ?= -O2 -g
override CFLAGS := -std=c11 -Wall -Wextra -Wpedantic $(CFLAGS)
PCRE_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE_LIBS := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
YAML_CFLAGS := $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || echo -lyaml)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
override CPPFLAGS := -D_XOPEN_SOURCE=700 -Ilib $(PCRE_CFLAGS) $(YAML_CFLAGS) \
	$(CPPFLAGS)

LIB_SRC := $(sort $(wildcard lib/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(O)/%.o)
LIBA := $(O)/lib/libtact.a
CMDS := $(sort $(patsubst bin/%.c,%,$(wildcard bin/tact-*.c)))
BINS := $(CMDS:%=$(O)/bin/%)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNITS := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/unit/bin/%)
MANS := $(sort $(wildcard man/*.[157]))

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all

all: $(LIBA) $(BINS)

$(O)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(O)/bin/%: bin/%.c $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -MMD -MP -o $@ $< $(LIBA) \
		$(PCRE_LIBS) $(YAML_LIBS)

$(O)/tests/unit/bin/%: tests/unit/%.c $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) $(LDFLAGS) -MMD -MP -o $@ $< \
		$(LIBA) $(PCRE_LIBS) $(YAML_LIBS) $(CMOCKA_LIBS)

-include $(LIB_OBJ:.o=.d) $(BINS:=.d) $(UNITS:=.d)

# Install what the build and the tests need, only where it is missing.
deps:
	@sh tests/deps.sh

# The tests of one build (no package installation).
test: all $(UNITS)
	@sh tests/run-units.sh $(UNITS)
	@sh tests/run-cases.sh $(O)/bin tests/cases tests/hostile

# The same suite built with the sanitizers, in build-san/ with gcc and
# in build-clang-san/ with clang (whose UBSan checks more, e.g. an offset
# added to a null pointer).  The first report stops the program (its case
# fails on the message and the status).
SAN_ENV = ASAN_OPTIONS=halt_on_error=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
test-san:
	@$(SAN_ENV) $(MAKE) --no-print-directory O=build-san \
		CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" test

test-san-clang:
	@$(SAN_ENV) $(MAKE) --no-print-directory O=build-clang-san CC=clang \
		CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" test

# Time and peak memory on inputs of 100 MB and 10 million lines
# (tests/bounds/): in the ordinary build only, as sanitizers and valgrind
# change both.
check-bounds: all
	@sh tests/run-cases.sh $(O)/bin tests/bounds

# The end-to-end cases with every command under valgrind.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect
check-valgrind: all
	@TACT_PCRE2_JIT=0 CASE_WRAP="$(VALGRIND)" \
		sh tests/run-cases.sh $(O)/bin tests/cases tests/hostile

lint-man:
	@out=$$(mandoc -Tlint -Wwarning $(MANS) 2>&1); \
	if [ -n "$$out" ]; then printf '%s\n' "$$out"; exit 1; fi; \
	echo "man pages: $(words $(MANS)) lint clean"

check: deps
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory check-bounds
	@$(MAKE) --no-print-directory test-san
	@$(MAKE) --no-print-directory test-san-clang
	@$(MAKE) --no-print-directory lint-man

demo: deps
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh

# Not part of check: corpora of BENCH_CLIENTS (100000) clients, a tenth
# and ten times as many, and a vault; every command measured against grep,
# awk and remind (medians of BENCH_RUNS, 5), then issue 15's targets, each
# met or not.  About 15 minutes; `make bench BENCH_QUICK=1` is a smoke run
# at 10000 clients in about a minute.  BENCH_DIR (/tmp/tact-bench) keeps
# the corpora.  See tests/bench/bench.sh and tests/bench/RESULTS.md.
bench: all
	@sh tests/bench/bench.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR)
	for c in $(CMDS); do cp bin/$$c $(DESTDIR)$(BINDIR)/$$c; done
	for m in $(MANS); do s=$${m##*.}; mkdir -p $(DESTDIR)$(MANDIR)/man$$s; \
		cp $$m $(DESTDIR)$(MANDIR)/man$$s/; done

uninstall:
	for c in $(CMDS); do rm -f $(DESTDIR)$(BINDIR)/$$c; done
	for m in $(MANS); do s=$${m##*.}; \
		rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done

clean:
	rm -rf build-san build-clang-san build-bench tests/unit/bin
	rm -f lib/*.o lib/*.d lib/libtact.a bin/*.d $(BINS)

.PHONY: all deps test test-san test-san-clang check-bounds check-valgrind lint-man check demo bench install uninstall clean

# ---- Fuzzing ---------------------------------------------------------
# make fuzz [FUZZ_SECONDS=30] [FUZZ_JOBS=1] [FUZZ_TARGETS="fuzz_date ..."]
# builds the libFuzzer targets of tests/fuzz/ and the library with clang
# -fsanitize=fuzzer,address,undefined into build-fuzz/ and runs each for
# FUZZ_SECONDS seconds (tests/fuzz/run.sh: seeds from samples/ and tests/,
# corpus kept in build-fuzz/corpus/, findings in build-fuzz/artifacts/).
# Needs clang and libclang-rt-14-dev (sh tests/deps.sh fuzz installs
# them); make check does not.
FUZZ_SECONDS ?= 30
FUZZ_JOBS ?= 1
FUZZ_CC ?= clang
FUZZ_TARGETS ?= $(sort $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all

fuzz: fuzz-build
	@FUZZ_JOBS=$(FUZZ_JOBS) sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-build:
	@sh tests/deps.sh fuzz
	@$(MAKE) --no-print-directory O=build-fuzz CC=$(FUZZ_CC) \
		CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" \
		$(FUZZ_TARGETS:%=build-fuzz/bin/%)

build-fuzz/bin/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h \
		tests/fuzz/fuzz_due.h $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIBA) \
		$(PCRE_LIBS) $(YAML_LIBS)

clean: clean-fuzz
clean-fuzz:
	rm -rf build-fuzz

.PHONY: fuzz fuzz-build clean-fuzz
