//! The player: narration, the diagram, the step's check and terminal, with play, pause,
//! next, back and restart; keyboard → ← and space; presenter mode; try it yourself.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use iamsim_lessons::{Player, scenario};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use super::controls::Controls;
use super::diagram::ScenarioDiagram;
use super::events::StepEvents;
use super::model::{clamp_step, diagram_of, last_step_entries};
use super::nav;
use super::terminal::Transcript;
use super::try_it::TryState;
use super::try_panel::TryPanel;

/// How long "play" stays on a step.
const PLAY_DELAY_MS: i32 = 3500;

/// Props of [`ScenarioPlayer`].
#[derive(Properties, PartialEq)]
pub struct ScenarioPlayerProps {
    /// The scenario's id.
    pub id: String,
    /// The step to show, 1-based (its actions played).
    pub step: usize,
}

/// The scenario player page.
#[component]
pub fn ScenarioPlayer(props: &ScenarioPlayerProps) -> Html {
    let found = scenario(&props.id);
    let options = use_state(nav::options);
    let presenter = use_state(|| options.presenter);
    let playing = use_state(|| false);
    let attempt = use_state(|| None::<Rc<TryState>>);
    let trying = attempt.is_some();
    let total = found.map(|s| s.steps.len()).unwrap_or(0);
    let step = found.map(|s| clamp_step(s, props.step)).unwrap_or(1);
    let player = use_memo((props.id.clone(), step), |(id, step)| {
        scenario(id).map(|s| Rc::new(Player::at(s, *step)))
    });

    // Re-read the options when the address changes (a link with ?embed=1).
    {
        let options = options.clone();
        use_effect_with((props.id.clone(), props.step), move |_| {
            options.set(nav::options());
        });
    }
    // A new step ends any attempt.
    {
        let attempt = attempt.clone();
        use_effect_with(step, move |_| attempt.set(None));
    }
    // Play: move on after a while; stop at the end.
    {
        let playing = playing.clone();
        let id = props.id.clone();
        let opts = *options;
        use_effect_with((*playing, step, total), move |(on, step, total)| {
            let mut timer: Option<(i32, Closure<dyn FnMut()>)> = None;
            if *on && *step >= *total {
                playing.set(false);
            } else if *on {
                let next = *step + 1;
                let callback = Closure::<dyn FnMut()>::new(move || nav::go(&id, next, opts));
                timer = web_sys::window()
                    .and_then(|w| {
                        w.set_timeout_with_callback_and_timeout_and_arguments_0(
                            callback.as_ref().unchecked_ref(),
                            PLAY_DELAY_MS,
                        )
                        .ok()
                    })
                    .map(|handle| (handle, callback));
            }
            move || {
                if let (Some((handle, _callback)), Some(window)) = (timer, web_sys::window()) {
                    window.clear_timeout_with_handle(handle);
                }
            }
        });
    }
    // Keyboard: → next, ← back, space play/pause, Esc leaves presenter mode (not while
    // typing in a field).
    {
        let playing = playing.clone();
        let id = props.id.clone();
        let opts = *options;
        let presenter = presenter.clone();
        let typing = trying;
        use_effect_with(
            (step, total, *playing, typing, *presenter),
            move |(step, total, on, typing, presenting)| {
                let (step, total, on, typing, presenting) =
                    (*step, *total, *on, *typing, *presenting);
                let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                    EventListener::new_with_options(
                        &doc,
                        "keydown",
                        EventListenerOptions::enable_prevent_default(),
                        move |event| {
                            let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                                return;
                            };
                            if typing
                                || in_field(event)
                                || key.ctrl_key()
                                || key.meta_key()
                                || key.alt_key()
                            {
                                return;
                            }
                            match key.key().as_str() {
                                "ArrowRight" if step < total => nav::go(&id, step + 1, opts),
                                "ArrowLeft" if step > 1 => nav::go(&id, step - 1, opts),
                                " " => {
                                    key.prevent_default();
                                    playing.set(!on);
                                }
                                "Escape" if presenting => presenter.set(false),
                                _ => {}
                            }
                        },
                    )
                });
                move || drop(listener)
            },
        );
    }

    let (Some(scenario), Some(player)) = (found, (*player).clone()) else {
        return html! {
            <section class="page narrow" data-testid="scenario-not-found">
                <h1>{ "Scenario not found" }</h1>
                <p>{ format!("There is no scenario called \"{}\".", props.id) }</p>
                <p><a href="#/lessons">{ "All scenarios" }</a></p>
            </section>
        };
    };
    let Some(current) = scenario.steps.get(step - 1) else {
        return Html::default();
    };
    let model = Rc::new(match attempt.as_ref() {
        Some(t) => diagram_of(&t.player),
        None => diagram_of(&player),
    });
    let result = player.records().last().map(|r| r.result.clone());
    let opts = *options;
    let class = classes!(
        "scenario-player",
        (*presenter).then_some("presenter"),
        opts.embed.then_some("embed"),
        trying.then_some("trying")
    );
    let toggle_presenter = {
        let presenter = presenter.clone();
        Callback::from(move |_| presenter.set(!*presenter))
    };
    let toggle_play = {
        let playing = playing.clone();
        Callback::from(move |_| playing.set(!*playing))
    };
    let toggle_try = {
        let attempt = attempt.clone();
        Callback::from(move |_| match attempt.as_ref() {
            Some(_) => attempt.set(None),
            None => attempt.set(Some(Rc::new(TryState::new(scenario, step)))),
        })
    };
    let on_attempt = {
        let attempt = attempt.clone();
        Callback::from(move |next: Rc<TryState>| attempt.set(Some(next)))
    };

    html! {
        <section {class} data-testid="scenario-player" data-step={step.to_string()}
                 data-scenario={scenario.id} aria-label={scenario.title}>
            <header class="sp-head">
                <h1 class="sp-title" data-testid="scenario-title">{ scenario.title }</h1>
                <p class="sp-step" data-testid="step-indicator" aria-live="polite">
                    { format!("Step {step} of {total}: {}", current.title) }
                </p>
            </header>
            <Controls id={scenario.id} {step} {total} options={opts} playing={*playing}
                      presenter={*presenter} {trying}
                      on_play={toggle_play} on_presenter={toggle_presenter} on_try={toggle_try} />
            <div class="sp-body">
                <div class="sp-story">
                    <p class="sp-narration" data-testid="narration">{ current.narration }</p>
                    if let Some(state) = attempt.as_ref() {
                        <TryPanel state={state.clone()} on_change={on_attempt} />
                    } else if let Some(result) = result {
                        <div class={classes!("sp-check", if result.met { "met" } else { "unmet" })}
                             data-testid="check" data-met={result.met.to_string()}>
                            <p class="sp-check-line">
                                { if result.met { "✓ check: " } else { "✗ check: " } }{ result.text.clone() }
                            </p>
                            <ul class="sp-evidence">
                                { for result.evidence.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                            </ul>
                        </div>
                    }
                </div>
                <div class="sp-visual">
                    <ScenarioDiagram model={model} narrow={*presenter} />
                    if !trying {
                        <StepEvents player={player.clone()} />
                    }
                </div>
            </div>
            if !trying {
                <Transcript entries={Rc::new(last_step_entries(&player).to_vec())}
                            full={Rc::new(player.transcript())} />
            }
        </section>
    }
}

/// Whether the key went to a text field.
fn in_field(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
