//! The parser takes any string without panicking.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(line in "\\PC*") {
        let _ = iamsim_shell::parse::parse(&line);
    }

    #[test]
    fn shell_like_strings(line in "[a-z $(){}'\"\\\\;&|<>#=~`0-9\\n-]{0,40}") {
        let _ = iamsim_shell::parse::parse(&line);
    }
}
