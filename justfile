# The everyday commands. Everything here is plain cargo underneath.

# Serve on the embedded default (SQLite in ./iiz-data) with demo data.
run:
    cargo run --release -p iiz -- serve --demo

# All tests; PostgreSQL tests skip when no server answers unless IIZ_REQUIRE_SERVICES=1.
test:
    cargo test --workspace

# The pages in Chromium (needs `apt-get install chromium`): the walk without JavaScript with axe-core on every page, and the journeys.
browser:
    cd tests/browser && npm ci --no-audit --no-fund
    cargo test -p iiz-tests --test scenarios browser:: -- --nocapture

# PNGs of the main pages in German and French into docs/screenshots (needs chromium).
screenshots:
    cd tests/browser && npm ci --no-audit --no-fund
    cargo test -p iiz-tests --test scenarios browser::screenshots -- --ignored --exact --nocapture

# Benchmarks on both backends; writes docs/benchmarks.md (the notifier section needs NATS on 127.0.0.1:4222 or NATS_URL).
# The memory section starts the release `iiz` built next to the bench.
bench:
    cargo build --release -p iiz
    cargo run --release -p iiz-bench -- --output docs/benchmarks.md

# Rewrites schema/graphql/schema.graphql from the code.
sdl:
    IIZ_UPDATE_SDL=1 cargo test -p iiz-gateway --test sdl

# Rewrites schema/events/*.json (the published event contracts) from the code.
schemas:
    IIZ_UPDATE_SCHEMAS=1 cargo test -p iiz-notifier --test contracts

lint:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets -- -D warnings

fmt:
    cargo fmt --all

# Apply migrations to the configured database (DATABASE_URL or the embedded file).
migrate:
    cargo run --release -p iiz -- migrate

# What CI runs.
ci:
    bash .ci/run
