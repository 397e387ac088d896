//! The shown step's transcript, like a terminal; the whole transcript so far folds out
//! below it.

use std::rc::Rc;

use iamsim_lessons::Entry;
use yew::prelude::*;

/// Props of [`Transcript`].
#[derive(Properties, PartialEq)]
pub struct TranscriptProps {
    /// The entries of the shown step.
    pub entries: Rc<Vec<Entry>>,
    /// The whole transcript so far, as text.
    pub full: Rc<String>,
}

/// The transcript.
#[component]
pub fn Transcript(props: &TranscriptProps) -> Html {
    html! {
        <div class="sp-terminal-wrap">
            <pre class="sp-terminal" data-testid="step-transcript" aria-label="What ran in this step">
                { for props.entries.iter().map(entry) }
            </pre>
            <details class="sp-full">
                <summary>{ "Whole transcript so far" }</summary>
                <pre class="sp-terminal" data-testid="full-transcript">{ props.full.as_str() }</pre>
            </details>
        </div>
    }
}

fn entry(e: &Entry) -> Html {
    match e {
        Entry::Step { .. } => Html::default(),
        Entry::Line {
            prompt,
            line,
            output,
            ..
        } => html! {
            <>
                <span class="sp-prompt">{ prompt.clone() }</span>
                <span class="sp-line">{ format!("{line}\n") }</span>
                <span class="sp-out">{ with_newline(output) }</span>
            </>
        },
        Entry::Console { label, output } => html! {
            <>
                <span class="sp-console">{ format!("[console] {label}\n") }</span>
                <span class="sp-out">{ with_newline(output) }</span>
            </>
        },
        Entry::Explanation { text } => {
            html! { <span class="sp-explain">{ with_newline(text) }</span> }
        }
        Entry::Check(r) => html! {
            <span class={classes!("sp-checkline", if r.met { "met" } else { "unmet" })}>
                { format!("{} check: {}\n", if r.met { "✓" } else { "✗" }, r.text) }
            </span>
        },
    }
}

fn with_newline(text: &str) -> String {
    if text.is_empty() || text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    }
}
