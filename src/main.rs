//! iamsim in the browser.

fn main() {}
