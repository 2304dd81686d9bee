# Front door: `make demo` and `make test` on a fresh Debian 12 machine.
# Both install missing Debian packages first (scripts/install-deps), then configure and build.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
DB ?= pactgraph.db
CMAKE_FLAGS ?=

.PHONY: all deps configure build demo test test-slow test-asan test-tsan bench bench-plot bench-python python clean format

all: build

deps:
	@./scripts/install-deps

$(BUILD)/build.ninja:
	@$(MAKE) --no-print-directory deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	./scripts/demo.sh $(BUILD)/tools/pactgraph $(DB)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE slow

# The Python package in the build tree (build/python/pactgraph), ready to import; `cmake
# --install $(BUILD)` puts it in the interpreter's site-packages.
python: configure
	cmake --build $(BUILD) -j $(JOBS) --target pactgraph_python
	@echo "use it with:  PYTHONPATH=$(BUILD)/python /usr/bin/python3 -c 'import pactgraph'"

test-slow: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L slow

test-asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan BUILD_TYPE=Debug \
	  CMAKE_FLAGS="-DPACTGRAPH_SANITIZE=ON"

# ThreadSanitizer on the concurrency tests: the in-process threads test, and the multi-process
# reader/writer test (its worker and CLI processes are TSan builds too).
test-tsan:
	@$(MAKE) --no-print-directory configure BUILD=build-tsan BUILD_TYPE=RelWithDebInfo \
	  CMAKE_FLAGS="-DPACTGRAPH_TSAN=ON -DPACTGRAPH_BUILD_BENCHMARKS=OFF"
	cmake --build build-tsan -j $(JOBS) --target reliability_test reliability_worker pactgraph
	cd build-tsan && TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 \
	  suppressions=$(CURDIR)/tests/reliability/tsan.supp" \
	  ctest --output-on-failure -j $(JOBS) -LE slow -R 'concurrency'

bench: build
	$(BUILD)/tools/pactgraph bench generate --size M --seed 1 --out $(BUILD)/bench-M
	$(BUILD)/tools/pactgraph bench run $(BUILD)/bench-M

# db.query overhead and result conversion against Session::Execute (docs/python.md).
bench-python: build
	PYTHONPATH=$(BUILD)/python /usr/bin/python3 benchmarks/python_bench.py --cpp $(BUILD)/benchmarks/session_bench

# The plot in docs/benchmarks.md (gnuplot; Debian: gnuplot-nox) from `bench run --format json`
# reports: `make bench-plot` runs S and M first; `make bench-plot BENCH_JSON="S.json M.json
# L.json"` plots reports you already have.
BENCH_JSON ?= $(BUILD)/bench-S.json $(BUILD)/bench-M.json
$(BUILD)/bench-%.json:
	@$(MAKE) --no-print-directory build
	$(BUILD)/tools/pactgraph -q bench generate --size $* --seed 1 --out $(BUILD)/bench-$*
	$(BUILD)/tools/pactgraph -q bench run $(BUILD)/bench-$* --format json > $@.tmp && mv $@.tmp $@
bench-plot: $(BENCH_JSON)
	benchmarks/plot.sh docs/benchmarks.svg $(BENCH_JSON)

format:
	git ls-files '*.h' '*.cpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
