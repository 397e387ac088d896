//! The bar above the diagram: the simulated clock with its advance buttons, undo and
//! redo over the action log, and reset, export and import of the whole world.

use yew::prelude::*;

use super::file_io::{ExportButton, ImportButton};
use super::state::Action;
use super::store::use_store;
use iamsim_engine::world::Command;

/// The clock advances offered, in seconds, with their labels.
const ADVANCES: [(u64, &str, &str); 3] = [
    (300, "+5 min", "advance-5m"),
    (3600, "+1 h", "advance-1h"),
    (6 * 3600, "+6 h", "advance-6h"),
];

/// The toolbar.
#[component]
pub fn Toolbar() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let (y, mo, d, h, mi, _) = store.world.now().parts();
    let clock = format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02} UTC");
    let dispatch = |action: Action| {
        let dispatcher = store.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action.clone()))
    };
    let can_undo = !store.steps.is_empty();
    let can_redo = !store.redo.is_empty();
    html! {
        <div class="wui-toolbar" role="toolbar" aria-label="World">
            <div class="wui-clock" aria-live="polite">
                <span class="wui-clock-label">{ "Simulated time" }</span>
                <time data-testid="clock" datetime={store.world.now().iso_z()}>{ clock }</time>
            </div>
            <div class="wui-group">
                { for ADVANCES.iter().map(|(seconds, label, id)| {
                    let action = Action::Apply {
                        panel: "clock".to_string(),
                        label: format!("Advance the clock {label}"),
                        command: Command::AdvanceClock { seconds: *seconds },
                    };
                    html! {
                        <button type="button" class="wui-btn" data-testid={*id}
                                title={format!("Move the simulated clock forward ({label})")}
                                onclick={dispatch(action)}>{ *label }</button>
                    }
                }) }
            </div>
            <div class="wui-group">
                <button type="button" class="wui-btn" data-testid="undo" disabled={!can_undo}
                        title="Take back the last step (the world is replayed without it)"
                        onclick={dispatch(Action::Undo)}>{ "↶ Undo" }</button>
                <button type="button" class="wui-btn" data-testid="redo" disabled={!can_redo}
                        onclick={dispatch(Action::Redo)}>{ "↷ Redo" }</button>
                <span class="wui-steps" data-testid="step-count">
                    { format!("{} step{}", store.steps.len(), if store.steps.len() == 1 { "" } else { "s" }) }
                </span>
            </div>
            <div class="wui-group wui-right">
                <ExportButton />
                <ImportButton />
                <button type="button" class="wui-btn danger" data-testid="reset"
                        title="Start again with a fresh account"
                        onclick={dispatch(Action::Reset)}>{ "Reset" }</button>
            </div>
        </div>
    }
}
