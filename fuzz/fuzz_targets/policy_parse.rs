//! `Policy::parse`, and `Policy::parse_for` for every use, on arbitrary
//! bytes. The body is `iamsim_engine::evalline::fuzz::policy_parse`, which
//! `cargo test` also runs on stable (crates/engine/tests/fuzz_bodies.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = iamsim_engine::evalline::fuzz::policy_parse(data) {
        panic!("invariant broken: {broken}");
    }
});
