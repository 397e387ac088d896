//! The scrollback: every line typed with its prompt and what it printed. Kept in the
//! state, so it survives reloads, undo and redo; scrolled to the end on each change.

use yew::prelude::*;

use crate::world_ui::state::Entry;

/// Props of [`Scrollback`].
#[derive(Properties, PartialEq)]
pub struct ScrollbackProps {
    /// The entries, oldest first.
    pub entries: Vec<Entry>,
    /// The host (to scroll again when the tab changes).
    pub host: String,
}

/// The terminal's output.
#[component]
pub fn Scrollback(props: &ScrollbackProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((props.entries.len(), props.host.clone()), move |_| {
            if let Some(el) = node.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    html! {
        <pre class="term-out" data-testid="terminal-output" ref={node} tabindex="0"
             aria-label="Terminal output" aria-live="polite">
            if props.entries.is_empty() {
                <span class="term-welcome">
                    { "This is your laptop, with the admin user's keys in ~/.aws/credentials.\n\
                       Try:  aws s3 mb s3://demo-bucket    aws iam list-roles    help\n" }
                </span>
            }
            { for props.entries.iter().map(|e| html! {
                <>
                    if !e.line.is_empty() || !e.prompt.is_empty() {
                        <span class="term-prompt">{ e.prompt.clone() }</span>
                        <span class="term-line">{ format!("{}\n", e.line) }</span>
                    }
                    <span class={classes!("term-text", (e.status != 0).then_some("failed"))}>
                        { e.output.clone() }
                    </span>
                </>
            }) }
        </pre>
    }
}
