//! The work of `iamsim eval --repeat N` (crates/cli/src/eval.rs) as a wasm
//! export, so that `scripts/bench-wasm.mjs` can time the wasm build of the
//! evaluator against the native one on the same request lines. The timing
//! is done by the caller (`performance.now()`), so this crate needs no clock.

use std::hint::black_box;

use iamsim_engine::evalline::{evaluate_line, parse_request_line};
use wasm_bindgen::prelude::wasm_bindgen;

/// Parses and evaluates every non-blank line of `lines` `repeat` times, as
/// `iamsim eval --repeat` does: the first pass also renders each result as
/// its output line, the other passes parse the line's JSON text again and
/// evaluate it. Returns the number of decisions made (lines that failed to
/// parse are not counted).
pub fn run_lines(lines: &str, repeat: u32) -> u64 {
    let lines: Vec<&str> = lines.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut decisions: u64 = 0;
    for &line in &lines {
        if let Ok(request) = parse_request_line(line) {
            decisions += 1;
            black_box(evaluate_line(&request).to_json_line(false));
        }
    }
    for _ in 1..repeat {
        for &line in &lines {
            if let Ok(request) = parse_request_line(black_box(line)) {
                black_box(evaluate_line(&request).evaluation.decision);
                decisions += 1;
            }
        }
    }
    decisions
}

/// [`run_lines`] for JavaScript: the decision count as a decimal string (a
/// `u64` would cross as a `BigInt`).
#[wasm_bindgen]
pub fn run(lines: &str, repeat: u32) -> String {
    run_lines(lines, repeat).to_string()
}

#[cfg(test)]
mod tests {
    use super::run_lines;

    const BENCH: &str = include_str!("../../cli/tests/data/bench.jsonl");

    #[test]
    fn counts_one_decision_per_line_and_repetition() {
        assert_eq!(BENCH.lines().count(), 8);
        assert_eq!(run_lines(BENCH, 1), 8);
        assert_eq!(run_lines(BENCH, 3), 24);
    }

    #[test]
    fn skips_blank_and_unreadable_lines() {
        let text = "\n{\"principal\":\"p\",\"action\":\"s3:GetObject\",\"resource\":\"*\"}\n  \nnot json\n";
        assert_eq!(run_lines(text, 2), 2);
    }
}
