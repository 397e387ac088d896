//! The world bundle of iamsim (see `src/lib.rs`): draws only the world pages.

#[cfg(target_arch = "wasm32")]
fn main() {
    iamsim_app::ui::start::<iamsim_app::ui::WorldPages>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
