//! The native `iamsim` command.

fn main() {
    println!("iamsim");
}
