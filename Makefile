# The two commands: `make run` and `make test`. Everything else is a step of them.
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 600
DB ?= var/lizheng.db
PORT ?= 8080
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: run test deps build build-asan test-unit test-asan web web-deps test-web bench bench-attack demo clean \
        fuzz-build fuzz-smoke fuzz

run: deps build web
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then ./$(BUILD)/src/cli/lizheng demo --db $(DB); fi
	./$(BUILD)/src/cli/lizheng serve --db $(DB) --port $(PORT) --web web/dist

test: deps build test-unit web test-web build-asan test-asan fuzz-smoke

deps:
	@./scripts/install-deps.sh

build:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan:
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLIZHENG_SANITIZE=ON \
	  -DLIZHENG_BENCH=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

test-unit:
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-asan:
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

# The web pages: npm packages from the lock file (again only when it
# changed), then the Vite build into web/dist.
web-deps:
	@if [ ! -f web/node_modules/.package-lock.json ] || \
	    [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then \
	  cd web && npm ci --no-audit --no-fund; fi

web: web-deps
	cd web && npm run build

# Component tests, the size budget of the portal's first page, then the
# browser tests in Debian's Chromium against the real server.
test-web: web build
	cd web && npm test && npm run size
	cd web && LIZHENG_BIN=$(abspath $(BUILD))/src/cli/lizheng npm run e2e

# The libFuzzer targets (fuzz/): a clang build of the parsers alone;
# fuzz-smoke runs each over its seed corpus for a fixed number of inputs,
# fuzz runs each for FUZZ_SECONDS keeping what it finds in fuzz/runs/.
fuzz-build:
	@cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DLIZHENG_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)

fuzz-smoke: deps fuzz-build
	./fuzz/run.sh smoke $(FUZZ_BUILD)

fuzz: deps fuzz-build
	./fuzz/run.sh long $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: deps build
	./bench/run.sh $(BUILD)

# The attacks of the public-edge benchmark against a live server (~4 min).
bench-attack: deps build
	./bench/attack.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) web/dist
