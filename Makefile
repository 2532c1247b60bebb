# The two commands of the README.
.PHONY: run test site bench bench-acme bench-bundle bench-hang size-map

## Build and run Rootline on 127.0.0.1:3000 (SQLite and mail outbox under ./data).
run:
	scripts/run.sh

## Run every test: lints, unit and store tests (SQLite and PostgreSQL), end-to-end in Chromium.
test:
	scripts/test.sh

## Build only the browser bundle into target/site.
site:
	scripts/build-site.sh

## Print the CA's performance figures (release build; SoftHSM2 token in a temporary folder).
bench:
	scripts/bench.sh

## Print certificates/second of lego against Rootline and Pebble, sequential and parallel.
bench-acme:
	scripts/bench-acme.sh

## Print the bytes each route downloads for a new visitor, and the sign-in page's time to interactive.
bench-bundle:
	scripts/bench-bundle.sh

## Print how many signed-in pages never finish when many are fetched at once.
bench-hang:
	scripts/bench-hang.sh

## Print what each crate costs in the browser bundle, per part a visitor downloads.
size-map: site
	scripts/size-map.sh
