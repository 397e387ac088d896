//! The lessons bundle of iamsim (see `src/lib.rs`): draws only the lessons pages.

#[cfg(target_arch = "wasm32")]
fn main() {
    iamsim_app::ui::start::<iamsim_app::ui::LessonsPages>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
