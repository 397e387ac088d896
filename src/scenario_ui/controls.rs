//! The player's buttons: restart, back, play/pause, next, presenter, try it yourself.
//! Back and next are links to the step's address, so they also work without script.

use yew::prelude::*;

use super::model::{Options, step_href};

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The scenario.
    pub id: &'static str,
    /// The shown step (1-based).
    pub step: usize,
    /// Number of steps.
    pub total: usize,
    /// Options kept on links.
    pub options: Options,
    /// Whether "play" is on.
    pub playing: bool,
    /// Whether presenter mode is on.
    pub presenter: bool,
    /// Whether the learner is trying the step.
    pub trying: bool,
    /// Play / pause.
    pub on_play: Callback<MouseEvent>,
    /// Presenter mode on / off.
    pub on_presenter: Callback<MouseEvent>,
    /// Try it yourself on / off.
    pub on_try: Callback<MouseEvent>,
}

/// The controls.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let (id, step, total, o) = (props.id, props.step, props.total, props.options);
    let link = |to: usize,
                label: &'static str,
                testid: &'static str,
                enabled: bool,
                key: &'static str| {
        if enabled {
            html! {
                <a class="sp-btn" href={step_href(id, to, o)} data-testid={testid}
                   aria-keyshortcuts={key}>{ label }</a>
            }
        } else {
            html! { <span class="sp-btn disabled" data-testid={testid} aria-disabled="true">{ label }</span> }
        }
    };
    html! {
        <nav class="sp-controls" aria-label="Scenario controls">
            { link(1, "Restart", "btn-restart", step > 1, "") }
            { link(step.saturating_sub(1), "← Back", "btn-back", step > 1, "ArrowLeft") }
            <button type="button" class="sp-btn" data-testid="btn-play" aria-keyshortcuts="Space"
                    aria-pressed={props.playing.to_string()} onclick={props.on_play.clone()}
                    disabled={step >= total}>
                { if props.playing { "⏸ Pause" } else { "▶ Play" } }
            </button>
            { link(step + 1, "Next →", "btn-next", step < total, "ArrowRight") }
            <span class="sp-spacer"></span>
            <button type="button" class="sp-btn" data-testid="btn-try"
                    aria-pressed={props.trying.to_string()} onclick={props.on_try.clone()}>
                { if props.trying { "Back to the story" } else { "Try it yourself" } }
            </button>
            <button type="button" class="sp-btn" data-testid="btn-presenter"
                    aria-pressed={props.presenter.to_string()} onclick={props.on_presenter.clone()}>
                { if props.presenter { "Leave presenter mode" } else { "Presenter mode" } }
            </button>
        </nav>
    }
}
