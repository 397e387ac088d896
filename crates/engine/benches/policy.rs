//! Parse + evaluate one `iamsim eval` request line, for a handful of typical
//! requests (the lines of `crates/cli/tests/data/bench.jsonl`), and evaluate
//! alone with the policies already parsed.
#![allow(missing_docs, clippy::expect_used, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use iamsim_engine::evalline::{evaluate_line, parse_request_line};

const LINES: &str = include_str!("../../cli/tests/data/bench.jsonl");

fn cases() -> Vec<(String, &'static str)> {
    LINES
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let req = parse_request_line(line).expect("bench line parses");
            (req.id.as_str().unwrap_or("?").to_owned(), line)
        })
        .collect()
}

fn parse_and_evaluate(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_and_evaluate");
    for (id, line) in cases() {
        group.bench_function(&id, |b| {
            b.iter(|| {
                let req = parse_request_line(black_box(line)).expect("parses");
                black_box(evaluate_line(&req).evaluation.decision)
            })
        });
    }
    group.finish();
}

fn evaluate_only(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate_only");
    for (id, line) in cases() {
        let req = parse_request_line(line).expect("parses");
        group.bench_function(&id, |b| {
            b.iter(|| black_box(evaluate_line(black_box(&req)).evaluation.decision))
        });
    }
    group.finish();
}

criterion_group!(benches, parse_and_evaluate, evaluate_only);
criterion_main!(benches);
