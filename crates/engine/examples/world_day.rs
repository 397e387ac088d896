//! The criterion bench's day (1,000 instances, 24 simulated hours, every instance reading
//! its IMDSv1 credentials every 5 minutes), timed in CPU time of this thread (from
//! `/proc/thread-self/schedstat`, in ns), so a busy machine does not blur the figure.
//! `cargo run --release -p iamsim-engine --example world_day [runs]`; under
//! `DAY_ONLY=1 valgrind --tool=callgrind --toggle-collect='world_day::fleet::day'` it gives the
//! day's instruction count (`DAY_ONLY` skips the second, split-timed run).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../benches/common/fleet.rs"]
mod fleet;

use fleet::{day, fleet};
use iamsim_engine::World;
use iamsim_engine::imds::HttpRequest;
use std::hint::black_box;

/// CPU time of this thread so far, in ns.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The same, timing the advances and the reads apart: (advances ns, reads ns).
fn day_split(w: &mut World, ids: &[String]) -> (u64, u64) {
    let request = HttpRequest::get("/latest/meta-data/iam/security-credentials/Fleet");
    let (mut advances, mut reads) = (0, 0);
    for _ in 0..(24 * 12) {
        let t = cpu_ns();
        w.advance(300);
        let u = cpu_ns();
        for id in ids {
            let r = w.imds(id, request.clone());
            black_box(r.status);
        }
        advances += u - t;
        reads += cpu_ns() - u;
    }
    (advances, reads)
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let (base, ids) = fleet();
    let mut best = u64::MAX;
    for _ in 0..runs {
        let mut w = base.clone();
        let t = cpu_ns();
        day(&mut w, &ids);
        let total = cpu_ns() - t;
        best = best.min(total);
        if std::env::var_os("DAY_ONLY").is_some() {
            println!("day: cpu {:.1} ms", total as f64 / 1e6);
            continue;
        }
        let mut s = base.clone();
        let (advances, reads) = day_split(&mut s, &ids);
        assert_eq!(s, w);
        println!(
            "day: cpu {:.1} ms; split run: advances {:.1} ms, reads {:.1} ms; {} events, {} sessions",
            total as f64 / 1e6,
            advances as f64 / 1e6,
            reads as f64 / 1e6,
            w.events().len(),
            w.sts().sessions.len()
        );
        drop(black_box(w));
    }
    println!("best: cpu {:.1} ms", best as f64 / 1e6);
}
