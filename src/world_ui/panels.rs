//! The tabbed right-hand side: terminal, IAM, EC2, S3, event log. Each tab is a link to
//! its URL fragment, so the back button and shared links work.

use yew::prelude::*;

use super::ec2::Ec2Console;
use super::event_log::EventLog;
use super::iam::IamConsole;
use super::panel::Panel;
use super::s3::S3Console;
use super::terminal::Terminal;

/// Props of [`Panels`].
#[derive(Properties, PartialEq)]
pub struct PanelsProps {
    /// The panel shown.
    pub panel: Panel,
    /// The compact embedded view (terminal only).
    pub embed: bool,
}

/// The tab bar and the panel shown.
#[component]
pub fn Panels(props: &PanelsProps) -> Html {
    let shown = if props.embed {
        Panel::Terminal
    } else {
        props.panel
    };
    let body = match shown {
        Panel::Terminal => html! { <Terminal /> },
        Panel::Iam => html! { <IamConsole /> },
        Panel::Ec2 => html! { <Ec2Console /> },
        Panel::S3 => html! { <S3Console /> },
        Panel::Events => html! { <EventLog /> },
    };
    html! {
        <section class="wui-panels card">
            if !props.embed {
                <nav class="wui-tabs" aria-label="Panels">
                    { for Panel::ALL.iter().map(|p| {
                        let current = *p == shown;
                        html! {
                            <a href={p.href()}
                               class={classes!("wui-tab", current.then_some("current"))}
                               aria-current={current.then_some("page")}
                               data-testid={format!("tab-{}", p.slug())}>
                                { p.label() }
                            </a>
                        }
                    }) }
                </nav>
            }
            <div class="wui-panel-body" id={format!("panel-{}", shown.slug())}>{ body }</div>
        </section>
    }
}
