//! 1,000 instances, 24 simulated hours, every instance reading its credentials from the
//! metadata service every 5 minutes (IMDSv1 GET of security-credentials/ROLE), with the
//! EC2 service refreshing credentials hourly and the SSM agents registering.
//!
//! Target: < 100 ms. Measured on the shared 2-core build machine, so CPU time and
//! instruction counts of `examples/world_day.rs` (the same day) are the figures to compare,
//! not criterion's wall time:
//!
//! | 2026-11-22                 | criterion (wall) | day, thread CPU (best of 3) | callgrind |
//! |----------------------------|------------------|-----------------------------|-----------|
//! | before                     | ~1.7 s           | 0.37–0.50 s                 | 3.18 G    |
//! | refresh/ids/dates reworked | 0.43–0.51 s      | 0.26–0.34 s                 | 1.69 G    |
//! | compact log/events, IdMap  | 0.093–0.096 s    | 0.088–0.100 s (load ~1)     | 0.96 G    |
//! | lazy secrets, shared paths | 0.086–0.090 s    | 0.084–0.092 s (load 1.6–5)  | 0.76 G    |
//! | the same, merged, quieter  | 0.074–0.076 s    | 0.080 s (4 of 5; load 1.3)  | —         |
//!
//! The last row: the command log keeps a read as 32 bytes (instance id inline, the request
//! shared with equal ones); the EC2 service's refresh is a compact
//! `Event::InstanceCredentials` (its `AssumeRole` record is built when read); instances and
//! associations are a sorted array searched by the ids as numbers, sessions a B-tree;
//! the credentials body is rendered once per refresh and shared (`imds::Body`), and constant
//! header lists are borrowed. Alternated with the previous row's build on the same machine,
//! that build took 225–245 ms.
//!
//! The row after: a session's secret and token are drawn without being rendered and rendered
//! when read, and the IMDSv2 body of a refresh when first read (nothing reads it here); a copy
//! of an `HttpRequest` shares its method and path. Day CPU time is min–median of 24 days,
//! alternated with the previous row's build (92–104 ms then, on the same loaded machine).
//! What is left: the IMDSv1 session's secret and token (rendered into its body at each
//! refresh, ~10 % of instructions), the sessions' own strings and B-tree (48,000 random
//! insertions, memory-bound: ~10 % of the time), the instance look-up per read (parse and
//! search, ~15 % of instructions) and the three scans of the instances per advance.
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
