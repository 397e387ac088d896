//! "Try it yourself": the goal, a terminal on the world before the step, hints on
//! request, and the check turning green when the goal is met.

use std::rc::Rc;

use yew::prelude::*;

use super::try_it::TryState;

/// Props of [`TryPanel`].
#[derive(Properties)]
pub struct TryPanelProps {
    /// The attempt.
    pub state: Rc<TryState>,
    /// A changed attempt (after a line, a hint, the solution).
    pub on_change: Callback<Rc<TryState>>,
}

impl PartialEq for TryPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state) && self.on_change == other.on_change
    }
}

/// The panel.
#[component]
pub fn TryPanel(props: &TryPanelProps) -> Html {
    let text = use_state(String::new);
    let state = &props.state;
    let Some(step) = state.player.next_step() else {
        return Html::default();
    };
    let met = state.met();
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                text.set(el.value());
            }
        })
    };
    let onkeydown = {
        let text = text.clone();
        let state = state.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                let mut next = (*state).clone();
                next.type_line(&text);
                text.set(String::new());
                on_change.emit(Rc::new(next));
            }
        })
    };
    let hint = {
        let state = state.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*state).clone();
            next.hints += 1;
            on_change.emit(Rc::new(next));
        })
    };
    let solution = {
        let state = state.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*state).clone();
            next.solution = true;
            on_change.emit(Rc::new(next));
        })
    };
    let shown_hints = step.hints.iter().take(state.hints);
    html! {
        <div class="sp-try" data-testid="try-panel">
            <p class="sp-goal"><strong>{ "Your goal: " }</strong>{ step.check.text }</p>
            <div class={classes!("sp-check", if met { "met" } else { "unmet" })}
                 data-testid="try-check" data-met={met.to_string()} aria-live="polite">
                { if met { "✓ Goal met. Press Next → to go on with the story." } else { "✗ Not yet." } }
                if let Some(r) = &state.result {
                    <ul class="sp-evidence">{ for r.evidence.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
                }
            </div>
            <pre class="sp-terminal" data-testid="try-terminal">
                { for state.lines().into_iter().map(|(prompt, line, output)| html! {
                    <>
                        <span class="sp-prompt">{ prompt }</span>
                        <span class="sp-line">{ format!("{line}\n") }</span>
                        <span class="sp-out">{ if output.is_empty() || output.ends_with('\n') { output } else { format!("{output}\n") } }</span>
                    </>
                }) }
                <label class="sp-input-line">
                    <span class="sp-prompt">{ state.prompt() }</span>
                    <input type="text" class="sp-input" data-testid="try-input" value={(*text).clone()}
                           {oninput} {onkeydown} autocomplete="off" spellcheck="false"
                           aria-label="Command line" />
                </label>
            </pre>
            <div class="sp-hints">
                { for shown_hints.map(|h| html! { <p class="sp-hint" data-testid="hint">{ format!("Hint: {h}") }</p> }) }
                if state.hints < step.hints.len() {
                    <button type="button" class="sp-btn" data-testid="btn-hint" onclick={hint}>{ "Show a hint" }</button>
                }
                if state.solution {
                    <pre class="sp-solution" data-testid="solution">
                        { for state.player.solution().into_iter().map(|l| format!("{l}\n")) }
                    </pre>
                } else {
                    <button type="button" class="sp-btn" data-testid="btn-solution" onclick={solution}>{ "Show the commands" }</button>
                }
            </div>
        </div>
    }
}
