//! Golden transcripts: each `transcripts/NAME.sh` runs on a fresh world (seed 0)
//! and must print exactly `transcripts/NAME.out`. A script whose first line is
//! `# each line alone` runs without continuation lines (so unclosed quotes show
//! their errors, as in the browser terminal). `UPDATE_TRANSCRIPTS=1`
//! rewrites the `.out` files instead (read them before committing).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

#[test]
fn transcripts_match() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let update = std::env::var("UPDATE_TRANSCRIPTS").is_ok_and(|v| v == "1");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    scripts.sort();
    assert!(scripts.len() >= 32, "only {} transcripts", scripts.len());
    let mut failures = Vec::new();
    for script in &scripts {
        let text = std::fs::read_to_string(script).unwrap();
        let continuation = !text.starts_with("# each line alone");
        let actual = iamsim_shell::script::transcript_with(&text, 0, continuation);
        let expected_path = script.with_extension("out");
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}\n--- actual\n{actual}",
                script.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
