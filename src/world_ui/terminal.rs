//! The terminal: a tab per host (the laptop, each instance reached by `ssh`), the
//! scrollback, and the command line with history (↑/↓) and Tab completion.

mod input;
mod output;
mod tabs;

use yew::prelude::*;

use super::store::use_store;
use input::CommandLine;
use output::Scrollback;
use tabs::HostTabs;

/// The terminal panel.
#[component]
pub fn Terminal() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let Some(tab) = store.active() else {
        return Html::default();
    };
    html! {
        <div class="term" data-testid="terminal">
            <HostTabs />
            <Scrollback entries={tab.scrollback.clone()} host={tab.host.clone()} />
            <CommandLine host={tab.host.clone()} prompt={tab.shell.prompt()}
                         history={tab.history.clone()} />
        </div>
    }
}
