//! 1,000 instances, 24 simulated hours, every instance reading its credentials from the
//! metadata service every 5 minutes (IMDSv1 GET of security-credentials/ROLE), with the
//! EC2 service refreshing credentials hourly and the SSM agents registering.
//!
//! Target: < 100 ms. Measured on the shared 2-core build machine (load average ~10), so
//! CPU time and instruction counts of `examples/world_day.rs` (the same day) are the figures
//! to compare, not criterion's wall time:
//!
//! | 2026-11-22                 | criterion (wall) | day, thread CPU (best of 3) | callgrind |
//! |----------------------------|------------------|-----------------------------|-----------|
//! | before                     | ~1.7 s           | 0.37–0.50 s                 | 3.18 G    |
//! | refresh/ids/dates reworked | 0.43–0.51 s      | 0.26–0.34 s                 | 1.69 G    |
//!
//! The target is not met. What is left is mostly allocation and memory (~290 MB for the
//! day, ~36,000 page faults) that the public types fix: per read, the `HttpResponse`
//! (body and header strings) and the `Command::Imds` log entry (200 bytes and the request's
//! strings); per refresh, two `Session`s in `sts.sessions` (~1.5 KB each, 14 strings) and the
//! `AssumeRole` `ApiEvent` (~5 KB: five JSON maps and the evaluation).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "common/fleet.rs"]
mod fleet;

use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let (w, ids) = fleet::fleet();
    let mut group = c.benchmark_group("world");
    group.sample_size(10);
    group.bench_function("1000 instances, 24 h, IMDS reads every 5 min", |b| {
        b.iter_batched(
            || w.clone(),
            |mut w| {
                fleet::day(&mut w, &ids);
                w
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
