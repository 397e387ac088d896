//! `parse_request_line` + `evaluate_line` (the `iamsim eval` reader) on
//! arbitrary bytes. The body is `iamsim_engine::evalline::fuzz::eval_line`,
//! which `cargo test` also runs on stable (crates/engine/tests/fuzz_bodies.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = iamsim_engine::evalline::fuzz::eval_line(data) {
        panic!("invariant broken: {broken}");
    }
});
