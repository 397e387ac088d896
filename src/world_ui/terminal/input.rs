//! The command line: Enter runs, ↑/↓ walk the tab's history, Tab completes.

use yew::prelude::*;

use crate::world_ui::state::Action;
use crate::world_ui::store::use_store;
use crate::world_ui::text::common_prefix;

/// Props of [`CommandLine`].
#[derive(Properties, PartialEq)]
pub struct CommandLineProps {
    /// The tab's host (the line is reset when it changes).
    pub host: String,
    /// The prompt.
    pub prompt: String,
    /// The tab's history, oldest first.
    pub history: Vec<String>,
}

/// The input line of the terminal.
#[component]
pub fn CommandLine(props: &CommandLineProps) -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let text = use_state(String::new);
    // Position in history while walking it with ↑/↓ (None: editing a new line).
    let walk = use_state(|| None::<usize>);
    let hint = use_state(String::new);
    let input = use_node_ref();

    let oninput = {
        let text = text.clone();
        let walk = walk.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                text.set(el.value());
                walk.set(None);
            }
        })
    };
    let onkeydown = {
        let text = text.clone();
        let walk = walk.clone();
        let hint = hint.clone();
        let history = props.history.clone();
        let store = store.clone();
        let input = input.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                let line = (*text).clone();
                store.dispatch(Action::RunLine(line));
                text.set(String::new());
                walk.set(None);
                hint.set(String::new());
            }
            "ArrowUp" => {
                e.prevent_default();
                let next = match *walk {
                    None => history.len().checked_sub(1),
                    Some(i) => Some(i.saturating_sub(1)),
                };
                if let Some(i) = next {
                    text.set(history.get(i).cloned().unwrap_or_default());
                    walk.set(Some(i));
                }
            }
            "ArrowDown" => {
                e.prevent_default();
                if let Some(i) = *walk {
                    if i + 1 < history.len() {
                        text.set(history.get(i + 1).cloned().unwrap_or_default());
                        walk.set(Some(i + 1));
                    } else {
                        text.set(String::new());
                        walk.set(None);
                    }
                }
            }
            // Tab completes; on an empty line (or with Shift) it moves focus as usual.
            "Tab" if !e.shift_key() && !text.is_empty() => {
                e.prevent_default();
                let line = (*text).clone();
                let cursor = input
                    .cast::<web_sys::HtmlInputElement>()
                    .and_then(|el| el.selection_start().ok().flatten())
                    .map(|c| c as usize)
                    .unwrap_or(line.len());
                let Some(tab) = store.active() else {
                    return;
                };
                let done = iamsim_shell::complete(&tab.shell, &store.world, &line, cursor);
                let head = line.get(..done.replace_from).unwrap_or_default();
                let tail = line.get(cursor..).unwrap_or_default();
                match done.candidates.as_slice() {
                    [] => hint.set(String::new()),
                    [one] => {
                        // A finished word gets its space, as in bash; a folder does not.
                        let space = if one.ends_with('/') || tail.starts_with(' ') {
                            ""
                        } else {
                            " "
                        };
                        text.set(format!("{head}{one}{space}{tail}"));
                        hint.set(String::new());
                    }
                    many => {
                        let prefix = common_prefix(many);
                        text.set(format!("{head}{prefix}{tail}"));
                        hint.set(many.join("  "));
                    }
                }
            }
            _ => {}
        })
    };
    // The text follows the state (history, completion).
    {
        let input = input.clone();
        let value = (*text).clone();
        use_effect_with(value, move |value| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>()
                && el.value() != *value
            {
                el.set_value(value);
            }
        });
    }
    html! {
        <div class="term-input-row">
            if !hint.is_empty() {
                <div class="term-hintline" data-testid="completion">{ (*hint).clone() }</div>
            }
            <label class="term-prompt" for="terminal-input">{ props.prompt.clone() }</label>
            <input id="terminal-input" class="term-input" data-testid="terminal-input"
                   type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
                   aria-label={format!("Command line on {}", props.host)}
                   ref={input} {oninput} {onkeydown} />
        </div>
    }
}
