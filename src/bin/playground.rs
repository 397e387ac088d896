//! The playground bundle of iamsim (see `src/lib.rs`): draws only the playground pages.

#[cfg(target_arch = "wasm32")]
fn main() {
    iamsim_app::ui::start::<iamsim_app::ui::PlaygroundPages>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
