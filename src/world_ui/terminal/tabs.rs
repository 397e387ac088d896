//! The host tabs above the terminal.

use yew::prelude::*;

use crate::world_ui::state::{Action, LAPTOP};
use crate::world_ui::store::use_store;

/// One tab per shell session: the laptop, then each instance entered with `ssh`.
#[component]
pub fn HostTabs() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    html! {
        <div class="term-tabs" role="tablist" aria-label="Hosts">
            { for store.tabs.iter().map(|tab| {
                let current = tab.host == store.active_tab;
                let host = tab.host.clone();
                let dispatcher = store.dispatcher();
                let onclick = Callback::from(move |_: MouseEvent| {
                    dispatcher.dispatch(Action::SelectTab(host.clone()));
                });
                let label = if tab.host == LAPTOP {
                    "laptop".to_string()
                } else {
                    format!("ec2-user@{}", tab.host)
                };
                html! {
                    <button type="button" role="tab" aria-selected={current.to_string()}
                            class={classes!("term-tab", current.then_some("current"))}
                            data-testid={format!("term-tab-{}", tab.host)} {onclick}>
                        { label }
                    </button>
                }
            }) }
            <span class="term-hint">{ "Tab completes · ↑/↓ history · ssh i-… opens a tab, exit closes it" }</span>
        </div>
    }
}
